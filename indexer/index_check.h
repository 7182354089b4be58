// IndexCheck: what `archive-index check` verifies about the live generation of an index
// directory, read without taking the writer's lock (so it may run beside a crashed or a
// running writer, as the crash loop does):
//   - Xapian's own consistency check (Xapian::Database::check, as xapian-check does);
//   - RocksDB opened with paranoid checks, every block's checksum verified;
//   - what a reader can see: every document Xapian serves names a stored version that is
//     there and decodes, and no id is indexed twice;
//   - the store's current pointers agree with Xapian's documents, unless the store says a
//     writer was interrupted (then the next writer repairs them: "pending repair").
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/status_or.h"

namespace archive::indexer {

struct IndexCheck {
  uint64_t generation = 0;  // 0: nothing committed yet (nothing to check)
  uint64_t revision = 0;
  uint64_t articles = 0;
  uint64_t stored_versions = 0;
  std::vector<std::string> problems;  // empty: the index is sound
  bool pending_repair = false;        // an interrupted writer left work the next one finishes
  // (id, content hash) of every document a reader sees, in id order.
  std::vector<std::pair<std::string, std::string>> served;
};

// kNotFound when `index_dir` does not exist; problems found are in the result, not the
// status (a damaged store is a finding, not a failure to check).
StatusOr<IndexCheck> CheckIndex(const std::string& index_dir);

}  // namespace archive::indexer
