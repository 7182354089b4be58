#include "corpus/topic_model.h"

#include <gtest/gtest.h>

namespace archive::corpus {
namespace {

using Topics = std::vector<std::string>;

class TopicModelTest : public testing::Test {
 protected:
  void SetUp() override {
    StatusOr<Analyzer> analyzer = Analyzer::Create();
    ASSERT_TRUE(analyzer.ok());
    analyzer_.emplace(*analyzer);
  }

  TopicScores Score(const TopicModel& model, std::string_view text) const {
    TopicScores scores;
    model.Score(analyzer_->Fold(text), 1.0, &scores);
    return scores;
  }

  std::optional<Analyzer> analyzer_;
};

constexpr std::string_view kSmallVocabulary =
    "# comment\n"
    "\n"
    "Housing\ten\t3\trent control, evict*, tenant*\n"
    "Housing\tes\t3\tinquilino*, desalojo*\n"
    "Fight for $15\ten\t3\t$15, minimum wage\n"
    "Labor\ten\t2\tstrike, union*\n";

TEST_F(TopicModelTest, CountsWordsPrefixesAndPhrases) {
  StatusOr<TopicModel> model = TopicModel::Parse(kSmallVocabulary, *analyzer_);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  EXPECT_EQ((Topics{"Housing", "Fight for $15", "Labor"}), model->topics());
  TopicScores scores = Score(*model, "Tenants’ EVICTIONS and Rent-Control; the union's strike.");
  EXPECT_EQ(9.0, scores.weights[0]);  // tenant*, evict*, "rent control" (the hyphen splits)
  EXPECT_EQ(0.0, scores.weights[1]);
  EXPECT_EQ(4.0, scores.weights[2]);  // union* ("union's"), strike
  EXPECT_EQ(8u, scores.words);
  // "$15" is matched as printed, not as any 15; "renting" is not "rent control".
  EXPECT_EQ(3.0, Score(*model, "A $15 wage, 15 days, renting.").weights[1]);
}

TEST_F(TopicModelTest, SpanishAccentsFold) {
  StatusOr<TopicModel> model = TopicModel::Parse(kSmallVocabulary, *analyzer_);
  ASSERT_TRUE(model.ok());
  EXPECT_EQ(6.0, Score(*model, "Los INQUILINOS frenaron el desalojo.").weights[0]);
}

TEST_F(TopicModelTest, AssignsTopThenOthersOverThreshold) {
  StatusOr<TopicModel> model = TopicModel::Parse(kSmallVocabulary, *analyzer_);
  ASSERT_TRUE(model.ok());
  TopicThresholds thresholds;
  thresholds.min_score = 6;
  thresholds.min_density = 1;
  thresholds.secondary_ratio = 0.3;
  thresholds.secondary_density = 1;
  TopicScores scores{{30, 2, 12}, 200};
  EXPECT_EQ((Topics{"Housing", "Labor"}), model->Assign(scores, thresholds));
  thresholds.max_topics = 1;
  EXPECT_EQ((Topics{"Housing"}), model->Assign(scores, thresholds));
  // Too little weight, or too thinly spread over a long text: nothing, not a guess.
  EXPECT_EQ(Topics{}, model->Assign(TopicScores{{5, 0, 0}, 50}, thresholds));
  EXPECT_EQ(Topics{}, model->Assign(TopicScores{{9, 0, 0}, 2000}, thresholds));
}

TEST_F(TopicModelTest, RejectsMalformedLinesWithTheLineNumber) {
  const std::pair<const char*, const char*> cases[] = {
      {"Housing\ten\t3\n", "line 1: expected"},
      {"# c\nHousing\ten\tx\trent\n", "line 2: weight"},
      {"Housing\ten\t-1\trent\n", "line 1: weight"},
      {"Housing\ten\t2\tre*\n", "line 1: \"re*\": prefix"},
      {"# only a comment\n", "topic vocabulary: no terms"},
  };
  for (const auto& [tsv, message] : cases) {
    StatusOr<TopicModel> model = TopicModel::Parse(tsv, *analyzer_);
    ASSERT_FALSE(model.ok()) << tsv;
    EXPECT_NE(std::string::npos, model.status().message().find(message))
        << model.status().message();
  }
}

TEST_F(TopicModelTest, BuiltinVocabularyCoversTheSixteenTopicsInBothLanguages) {
  StatusOr<TopicModel> model = TopicModel::Builtin(*analyzer_);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  EXPECT_EQ(16u, model->topics().size());
  EXPECT_GT(Score(*model, "huelga sindicato").weights[0], 0.0);  // Labor, in Spanish
}

TEST(FoldedWordsTest, DropsPossessivesKeepsInnerApostrophes) {
  EXPECT_EQ((std::vector<std::string_view>{"women", "o'brien", "15dollars", "15", "workers"}),
            FoldedWords("women's o'brien 15dollars 15 -- workers'"));
}

}  // namespace
}  // namespace archive::corpus
