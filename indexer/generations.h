// The generations of an index directory as the writers manage them: which number a new
// one gets, which old ones are kept for rollback, and how large they are on disk.
// A generation is complete once CURRENT has named it; one above the live generation is
// either half-built (a rebuild that did not finish) or rolled back from, and readers never
// open it because they follow CURRENT only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/status_or.h"

namespace archive::indexer {

// Older generations kept for rollback beside the live one.
inline constexpr size_t kKeptOlderGenerations = 2;

// A number above every generation directory and the live one: never reused, because a
// reader compares (generation, revision) pairs to decide whether to reopen.
StatusOr<uint64_t> NextGeneration(const std::string& index_dir, std::optional<uint64_t> live);

// Removes every generation directory except `live`, `building` (0: none) and the
// kKeptOlderGenerations newest below `live`.
Status RemoveStaleGenerations(const std::string& index_dir, uint64_t live, uint64_t building);

// The newest generation below `live`; nullopt when there is none.
StatusOr<std::optional<uint64_t>> PreviousGeneration(const std::string& index_dir, uint64_t live);

// Bytes of the regular files under `path` (0 when it does not exist).
uint64_t DiskUsage(const std::string& path);

}  // namespace archive::indexer
