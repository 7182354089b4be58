// Browsing without a query (one article, the issues, an issue's contents) and search as
// you type, over a small hand-written archive with issue records and PDF pages.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/article.h"
#include "indexer/indexer.h"
#include "query/searcher.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"

namespace archive::query {
namespace {

Article Make(std::string id, std::string kind, int issue, std::string date, std::string title,
             std::string body) {
  Article a;
  a.id = std::move(id);
  a.kind = std::move(kind);
  a.issue = issue;
  a.date = std::move(date);
  a.title = std::move(title);
  a.body = std::move(body);
  a.url = "https://example.org/" + a.id;
  a.topics = {"Labor"};
  return a;
}

std::vector<Article> Fixture() {
  return {
      Make("sa-01", "article", 7, "2020-03-02", "Nurses strike for staffing", "Nurses walked out."),
      Make("sa-02", "article", 7, "2020-03-05", "Rent control wins", "Tenants won rent control."),
      Make("sa-03", "article", 8, "2020-04-01", "Strikers return", "The strike ended."),
      Make("sa-w1", "article", 0, "2020-04-09", "Renters rally", "Renters rallied downtown."),
      Make("issue-0007", "issue", 7, "2020-03-01", "Issue 7: March 2020",
           "In this issue: Nurses strike for staffing. Rent control wins."),
      Make("issue-0007-p01", "article", 7, "2020-03-01", "Issue 7, page 1",
           "RENT CONTROL WINS across the city."),
      Make("issue-0007-p02", "article", 7, "2020-03-01", "Issue 7, page 2",
           "Nurses strike for staffing at two hospitals."),
  };
}

class SearcherBrowseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto indexer = indexer::Indexer::Open({dir_.path()});
    ASSERT_ARCHIVE_OK(indexer);
    for (const Article& article : Fixture()) ASSERT_ARCHIVE_OK((*indexer)->Add(article));
    ASSERT_ARCHIVE_OK((*indexer)->Commit());
    auto searcher = Searcher::Open({dir_.path()});
    ASSERT_ARCHIVE_OK(searcher);
    searcher_ = std::move(searcher).value();
  }

  test::TempDir dir_;
  std::unique_ptr<Searcher> searcher_;
};

TEST_F(SearcherBrowseTest, FetchReturnsTheStoredArticle) {
  auto record = searcher_->Fetch("sa-02");
  ASSERT_ARCHIVE_OK(record);
  EXPECT_EQ("Rent control wins", record->article.title);
  EXPECT_EQ("Tenants won rent control.", record->article.body);
  EXPECT_GT(record->state.revision, 0u);
  EXPECT_EQ(StatusCode::kNotFound, searcher_->Fetch("nope").status().code());
  EXPECT_EQ(StatusCode::kNotFound, searcher_->Fetch("").status().code());
}

TEST_F(SearcherBrowseTest, IssuesCountArticlesAndPagesApart) {
  auto list = searcher_->Issues();
  ASSERT_ARCHIVE_OK(list);
  ASSERT_EQ(2u, list->issues.size());
  const IssueSummary& seven = list->issues[0];
  EXPECT_EQ(7, seven.number);
  EXPECT_EQ("issue-0007", seven.id);
  EXPECT_EQ("Issue 7: March 2020", seven.title);
  EXPECT_EQ("2020-03-01", seven.date);
  EXPECT_EQ(2u, seven.articles);
  EXPECT_EQ(2u, seven.pages);
  const IssueSummary& eight = list->issues[1];  // no issue record: dated by its articles
  EXPECT_EQ(8, eight.number);
  EXPECT_EQ("", eight.title);
  EXPECT_EQ("2020-04-01", eight.date);
  EXPECT_EQ(1u, eight.articles);
  EXPECT_EQ(0u, eight.pages);
}

TEST_F(SearcherBrowseTest, IssueListsArticlesInPageOrder) {
  auto contents = searcher_->Issue(7);
  ASSERT_ARCHIVE_OK(contents);
  EXPECT_EQ("Issue 7: March 2020", contents->summary.title);
  ASSERT_EQ(2u, contents->articles.size());
  EXPECT_EQ("sa-02", contents->articles[0].id);  // page 1 carries its headline
  EXPECT_EQ(1, contents->articles[0].page);
  EXPECT_EQ("sa-01", contents->articles[1].id);
  EXPECT_EQ(2, contents->articles[1].page);
  ASSERT_EQ(2u, contents->pages.size());
  EXPECT_EQ("issue-0007-p01", contents->pages[0].id);
  EXPECT_EQ(2, contents->pages[1].page);
  auto eight = searcher_->Issue(8);
  ASSERT_ARCHIVE_OK(eight);
  EXPECT_EQ(0, eight->articles[0].page);
  EXPECT_EQ(StatusCode::kNotFound, searcher_->Issue(9).status().code());
}

TEST_F(SearcherBrowseTest, SuggestCompletesTheLastWord) {
  auto suggestions = searcher_->Suggest("Rent con", 8);
  ASSERT_ARCHIVE_OK(suggestions);
  ASSERT_FALSE(suggestions->completions.empty());
  EXPECT_EQ("rent control", suggestions->completions[0].text);
  ASSERT_EQ(1u, suggestions->headlines.size());
  EXPECT_EQ("sa-02", suggestions->headlines[0].id);
  EXPECT_EQ("Rent control wins", suggestions->headlines[0].title);
}

TEST_F(SearcherBrowseTest, SuggestRanksHeadlineWordsByFrequency) {
  auto suggestions = searcher_->Suggest("str", 8);
  ASSERT_ARCHIVE_OK(suggestions);
  std::vector<std::string> texts;
  for (const Completion& c : suggestions->completions) texts.push_back(c.text);
  ASSERT_GE(texts.size(), 2u);
  EXPECT_EQ("strike", texts[0]);  // in two headlines (an article and the issue record)
  EXPECT_NE(texts.end(), std::find(texts.begin(), texts.end(), "strikers"));
  // Body vocabulary fills up after headline words.
  auto renters = searcher_->Suggest("rall", 8);
  ASSERT_ARCHIVE_OK(renters);
  ASSERT_FALSE(renters->completions.empty());
  EXPECT_EQ("rally", renters->completions[0].text);
  EXPECT_EQ(1u, searcher_->Suggest("s", 1)->completions.size());
}

TEST_F(SearcherBrowseTest, SuggestWithNothingToCompleteAndBadLimits) {
  auto after_space = searcher_->Suggest("rent ", 8);
  ASSERT_ARCHIVE_OK(after_space);
  EXPECT_TRUE(after_space->completions.empty());
  EXPECT_EQ(1u, after_space->headlines.size());
  auto empty = searcher_->Suggest("", 8);
  ASSERT_ARCHIVE_OK(empty);
  EXPECT_TRUE(empty->completions.empty());
  EXPECT_TRUE(empty->headlines.empty());
  EXPECT_ARCHIVE_OK(searcher_->Suggest("((\"*", 8));
  EXPECT_EQ(StatusCode::kInvalidArgument, searcher_->Suggest("a", 0).status().code());
  EXPECT_EQ(StatusCode::kInvalidArgument, searcher_->Suggest("a", 51).status().code());
}

}  // namespace
}  // namespace archive::query
