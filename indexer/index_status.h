// IndexStatus: what `archive-index status` reports about an index directory, read without
// taking the writer's lock (it reads the live generation as a searcher would).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status_or.h"

namespace archive::indexer {

struct IndexStatus {
  uint64_t generation = 0;  // 0: nothing committed yet
  uint64_t revision = 0;
  uint64_t articles = 0;
  std::string updated_at;             // ISO 8601 UTC of the last commit; empty if unknown
  uint64_t live_bytes = 0;            // the live generation on disk
  uint64_t total_bytes = 0;           // the whole directory (older generations included)
  std::vector<uint64_t> generations;  // every generation directory present
};

// kNotFound when `index_dir` does not exist.
StatusOr<IndexStatus> ReadIndexStatus(const std::string& index_dir);

}  // namespace archive::indexer
