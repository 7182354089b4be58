#include "indexer/shard_plan.h"

namespace archive::indexer {

size_t ShardByHash(std::string_view id, size_t shards) {
  uint64_t hash = 14695981039346656037ULL;
  for (const char c : id) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  return static_cast<size_t>(hash % shards);
}

std::map<int, size_t> ShardsByIssueRange(const std::map<int, uint64_t>& articles_per_issue,
                                         size_t shards) {
  uint64_t total = 0;
  for (const auto& [issue, count] : articles_per_issue) total += count;
  std::map<int, size_t> shard_of;
  size_t shard = 0;
  uint64_t before = 0;  // articles in issues already placed
  for (const auto& [issue, count] : articles_per_issue) {
    // Move on when this shard already holds its share, and this issue would fit the
    // next one's share better than this one's.
    const uint64_t share_end = (shard + 1) * total / shards;
    if (shard + 1 < shards && before >= share_end) ++shard;
    shard_of[issue] = shard;
    before += count;
  }
  return shard_of;
}

}  // namespace archive::indexer
