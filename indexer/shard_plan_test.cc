#include "indexer/shard_plan.h"

#include <gtest/gtest.h>

#include <string>

namespace archive::indexer {
namespace {

TEST(ShardPlanTest, HashIsStableAndSpreadsEvenly) {
  EXPECT_EQ(ShardByHash("article-1", 7), ShardByHash("article-1", 7));
  std::vector<int> sizes(4, 0);
  for (int i = 0; i < 4000; ++i) ++sizes[ShardByHash("a-" + std::to_string(i), 4)];
  for (int size : sizes) {
    EXPECT_GT(size, 850);
    EXPECT_LT(size, 1150);
  }
  EXPECT_EQ(0u, ShardByHash("anything", 1));
}

TEST(ShardPlanTest, IssueRangesAreContiguousAndEven) {
  std::map<int, uint64_t> per_issue;
  for (int issue = 1; issue <= 12; ++issue) per_issue[issue] = 10;
  const std::map<int, size_t> shard_of = ShardsByIssueRange(per_issue, 3);
  std::vector<uint64_t> sizes(3, 0);
  size_t previous = 0;
  for (const auto& [issue, shard] : shard_of) {
    EXPECT_GE(shard, previous) << "issue " << issue;  // ascending ranges
    previous = shard;
    sizes[shard] += per_issue[issue];
  }
  EXPECT_EQ((std::vector<uint64_t>{40, 40, 40}), sizes);
}

TEST(ShardPlanTest, MoreShardsThanIssuesLeavesSomeEmpty) {
  const std::map<int, size_t> shard_of = ShardsByIssueRange({{5, 100}, {6, 1}}, 4);
  EXPECT_EQ(0u, shard_of.at(5));
  EXPECT_EQ(1u, shard_of.at(6));
}

}  // namespace
}  // namespace archive::indexer
