#include "query/eval/trec_eval.h"

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

namespace archive::query::eval {
namespace {

TEST(TrecEvalTest, ParsesQrelsAndRunsInRankOrder) {
  std::istringstream qrels("q1 0 a 2\nq1 0 b 1\n\nq2 0 c 0\n");
  auto parsed = ParseQrels(qrels);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(2, parsed->at("q1").at("a"));
  EXPECT_EQ(0, parsed->at("q2").at("c"));
  std::istringstream run("q1 Q0 b 2 1.0 t\nq1 Q0 a 1 2.0 t\n");
  auto ranked = ParseRun(run);
  ASSERT_TRUE(ranked.ok());
  EXPECT_EQ((std::vector<std::string>{"a", "b"}), ranked->at("q1"));
  std::istringstream bad("q1 Q0 a\n");
  EXPECT_FALSE(ParseRun(bad).ok());
  std::istringstream bad_qrels("q1 0 a x\n");
  EXPECT_FALSE(ParseQrels(bad_qrels).ok());
}

struct Case {
  std::vector<std::string> ranked;
  double ndcg, ap, p10, rr;
};

TEST(TrecEvalTest, MeasuresByHand) {
  const std::map<std::string, int> judged = {{"a", 2}, {"b", 1}, {"x", 0}};
  const double ideal = 3.0 + 1.0 / std::log2(3.0);  // gains 3, 1 at ranks 1, 2
  const Case cases[] = {
      {{"a", "b"}, 1.0, 1.0, 0.2, 1.0},
      {{"b", "a"}, (1.0 + 3.0 / std::log2(3.0)) / ideal, 1.0, 0.2, 1.0},
      {{"x", "a"}, (3.0 / std::log2(3.0)) / ideal, 0.25, 0.1, 0.5},
      {{"x", "y"}, 0, 0, 0, 0},
      {{}, 0, 0, 0, 0},
  };
  for (const Case& c : cases) {
    Measures m = Measure(judged, c.ranked);
    EXPECT_NEAR(c.ndcg, m.ndcg_at_10, 1e-9);
    EXPECT_NEAR(c.ap, m.average_precision, 1e-9);
    EXPECT_NEAR(c.p10, m.precision_at_10, 1e-9);
    EXPECT_NEAR(c.rr, m.reciprocal_rank, 1e-9);
  }
}

TEST(TrecEvalTest, MeanCountsQueriesMissingFromTheRunAsZero) {
  Qrels qrels = {{"q1", {{"a", 1}}}, {"q2", {{"b", 1}}}};
  eval::Run run = {{"q1", {"a"}}};
  Evaluation evaluation = Evaluate(qrels, run);
  EXPECT_NEAR(0.5, evaluation.mean.reciprocal_rank, 1e-9);
  EXPECT_NEAR(0.5, evaluation.mean.ndcg_at_10, 1e-9);
  EXPECT_EQ(2u, evaluation.per_query.size());
}

}  // namespace
}  // namespace archive::query::eval
