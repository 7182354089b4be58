// CrashPoint: a test hook in the style of RocksDB's sync points. Compiled in always and
// inert unless ARCHIVE_CRASH_AT=<point>:<n> is set, in which case the process kills itself
// with SIGKILL the n-th time it reaches <point> (n defaults to 1). Crash-safety tests use
// it to stop the writer at exactly the instants where Xapian and the store could disagree.
//
// Thread-safe (the hit counter is atomic).
#pragma once

#include <string_view>

namespace archive::indexer {

// Named points (the contract with the tests; kept here so they cannot drift).
inline constexpr std::string_view kCrashAfterAdd = "after_add";
inline constexpr std::string_view kCrashBeforeXapianCommit = "before_xapian_commit";
inline constexpr std::string_view kCrashAfterXapianCommit = "after_xapian_commit";
inline constexpr std::string_view kCrashApplyingToStore = "applying_to_store";
inline constexpr std::string_view kCrashRecovering = "recovering";
inline constexpr std::string_view kCrashRebuildAdd = "rebuild_add";
inline constexpr std::string_view kCrashMerging = "rebuild_merging";  // each step of a merge
inline constexpr std::string_view kCrashBeforeSwitch = "rebuild_before_switch";
inline constexpr std::string_view kCrashAfterSwitch = "rebuild_after_switch";
inline constexpr std::string_view kCrashRemovingGeneration = "removing_generation";

void CrashPoint(std::string_view point);

}  // namespace archive::indexer
