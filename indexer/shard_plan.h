// Which shard an article goes to when a rebuild splits the index (docs/shards.md):
// - by hash of the article id: shards of even size whatever the archive's shape; an
//   article stays in its shard across rebuilds as long as the number of shards stays;
// - by issue range: consecutive printed issues together, the ranges cut where the
//   article counts are even; an issue's articles always share a shard.
#pragma once

#include <cstdint>
#include <map>
#include <string_view>
#include <vector>

namespace archive::indexer {

// 0 .. shards-1, from a stable hash of `id` (FNV-1a: the same on every machine and build).
size_t ShardByHash(std::string_view id, size_t shards);

// Shard of each issue number (0: articles without an issue) given the number of articles
// per issue: contiguous ascending ranges with article counts as even as issues allow.
std::map<int, size_t> ShardsByIssueRange(const std::map<int, uint64_t>& articles_per_issue,
                                         size_t shards);

}  // namespace archive::indexer
