#include "server/query_stats.h"

#include <gtest/gtest.h>

namespace archive::server {
namespace {

TEST(QueryStatsTest, NormalizesCaseAndSpaces) {
  EXPECT_EQ("rent control", QueryStats::Normalize("  Rent \t CONTROL "));
  EXPECT_EQ("", QueryStats::Normalize("   "));
  const std::string cut = QueryStats::Normalize(std::string(199, 'a') + "é");  // é is 2 bytes
  EXPECT_EQ(199u, cut.size());
}

TEST(QueryStatsTest, SpaceSavingKeepsHeavyHittersInBoundedMemory) {
  // Space-saving guarantees to keep any query seen more than n / capacity times:
  // here 200 > 1200 / 10.
  TopQueries top(10);
  for (int i = 0; i < 200; ++i) top.Add("heavy");
  for (int i = 0; i < 1000; ++i) top.Add("rare" + std::to_string(i));
  std::vector<QueryCount> counts = top.Top(20);
  ASSERT_EQ(10u, counts.size());
  EXPECT_EQ("heavy", counts[0].query);
  EXPECT_EQ(200u, counts[0].count);
  EXPECT_EQ(0u, counts[0].error);
  EXPECT_GE(counts[1].count, counts[1].error);
}

TEST(QueryStatsTest, CountsSearchesAndZeroResults) {
  QueryStats stats;
  stats.Record("strike", false);
  stats.Record("Strike", false);
  stats.Record("qqq", true);
  stats.Record("", true);  // browsing is not a query
  QueryStatsSnapshot snapshot = stats.Snapshot();
  EXPECT_EQ(3u, snapshot.searches);
  EXPECT_EQ(1u, snapshot.zero_results);
  ASSERT_EQ(2u, snapshot.popular.size());
  EXPECT_EQ("strike", snapshot.popular[0].query);
  EXPECT_EQ(2u, snapshot.popular[0].count);
  ASSERT_EQ(1u, snapshot.zero_result.size());
  EXPECT_EQ("qqq", snapshot.zero_result[0].query);
}

}  // namespace
}  // namespace archive::server
