// Shared by the tests that run archive-index as a user (or a crash) would: running it,
// writing small archives, reading its JSON answers.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/testing/subprocess.h"

namespace archive::indexer::testing {

using nlohmann::json;

inline test::CommandResult RunIndex(std::vector<std::string> args) {
  args.insert(args.begin(), test::BinaryPath("archive-index"));
  return test::RunCommand(args);
}

// A record small enough that a thousand index in a moment.
inline json TinyRecord(const std::string& id, const std::string& title) {
  return {{"id", id},
          {"title", title},
          {"body", "Workers met about " + title + "."},
          {"date", "2020-01-02"},
          {"topics", json::array({"Labor"})}};
}

inline void WriteRecords(const std::string& path, const std::vector<json>& records) {
  std::ofstream out(path, std::ios::trunc);
  for (const json& record : records) out << record.dump() << "\n";
}

inline std::vector<json> ReadRecords(const std::string& path) {
  std::ifstream in(path);
  std::vector<json> records;
  std::string line;
  while (std::getline(in, line)) records.push_back(json::parse(line));
  return records;
}

// Debian's libxapian 1.4 frees memory inside Database::check() with a sized delete that
// does not match its allocation; AddressSanitizer (CI's sanitizer stage) stops the
// archive-index it runs in at that point. The mismatch is wholly inside the library (both
// frames are libxapian's), so only the tests that run `archive-index check` let it pass,
// in the children they start; our own code keeps the check everywhere else.
inline void TolerateXapianCheckSizedDelete() {
  std::string options = "new_delete_type_mismatch=0";
  if (const char* given = std::getenv("ASAN_OPTIONS"); given != nullptr && *given != '\0')
    options = std::string(given) + ":" + options;
  ::setenv("ASAN_OPTIONS", options.c_str(), 1);
}

// The one JSON object a --json run printed (a null object when there was none).
inline json ParseSummary(const test::CommandResult& run) {
  json parsed = json::parse(run.out, nullptr, false);
  return parsed.is_discarded() ? json() : parsed;
}

inline json Status(const std::string& index_dir) {
  return ParseSummary(RunIndex({"status", "--index", index_dir, "--json"}));
}

}  // namespace archive::indexer::testing
