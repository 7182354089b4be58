// The searcher's newer request fields and research tools over a small hand-written index.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "core/article.h"
#include "indexer/indexer.h"
#include "query/searcher.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"

namespace archive::query {
namespace {

Article Make(std::string id, std::string date, int issue, std::string title, std::string body,
             std::vector<std::string> authors, std::vector<std::string> topics) {
  Article a;
  a.id = std::move(id);
  a.date = std::move(date);
  a.issue = issue;
  a.title = std::move(title);
  a.body = std::move(body);
  a.authors = std::move(authors);
  a.topics = std::move(topics);
  a.cities = {"Seattle"};
  a.url = "https://example.org/" + a.id;
  return a;
}

std::vector<Article> Fixture() {
  return {
      Make("a1", "2018-05-01", 10, "Nurses strike for safe staffing",
           "Nurses walked out. The nurses strike spread to three hospitals.", {"Ana Ruiz"},
           {"Labor", "Health Care"}),
      Make("a2", "2018-06-03", 11, "Dockworkers strike at the port",
           "Dockworkers walked out over pay.", {"Ben Cole"}, {"Labor"}),
      Make("a3", "2019-02-10", 20, "Tenants win rent control",
           "Tenants celebrated rent control. Nurses joined the rally.", {"Ana Ruiz", "Ben Cole"},
           {"Housing"}),
      Make("a4", "2020-09-09", 30, "Teachers picket city hall", "Teachers and nurses picketed.",
           {"Cy Park"}, {"Labor", "Education"}),
      Make("a5", "2020-10-10", 0, "Web only: nurses rally", "Nurses rallied again for staffing.",
           {"Cy Park"}, {"Health Care"}),
  };
}

class SearcherResearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto indexer = indexer::Indexer::Open({dir_.path()});
    ASSERT_ARCHIVE_OK(indexer);
    for (const Article& article : Fixture()) {
      auto added = (*indexer)->Add(article);
      ASSERT_ARCHIVE_OK(added);
    }
    auto summary = (*indexer)->Commit();
    ASSERT_ARCHIVE_OK(summary);
    indexer->reset();
    auto searcher = Searcher::Open({dir_.path()});
    ASSERT_ARCHIVE_OK(searcher);
    searcher_ = std::move(*searcher);
  }

  SearchResult Search(SearchRequest request) {
    auto result = searcher_->Search(request);
    EXPECT_ARCHIVE_OK(result);
    return result.ok() ? *result : SearchResult();
  }
  SearchResult Search(const std::string& query) {
    SearchRequest request;
    request.query = query;
    return Search(request);
  }
  static std::vector<std::string> Ids(const SearchResult& result) {
    std::vector<std::string> ids;
    for (const Hit& hit : result.hits) ids.push_back(hit.id);
    std::sort(ids.begin(), ids.end());
    return ids;
  }

  test::TempDir dir_;
  std::unique_ptr<Searcher> searcher_;
};

TEST_F(SearcherResearchTest, MisspeltWordIsCorrectedExceptInStrictMode) {
  SearchResult result = Search("dockwrkers");
  EXPECT_EQ(std::vector<std::string>{"a2"}, Ids(result));
  EXPECT_EQ("dockworkers", result.corrected_query);
  EXPECT_EQ("dockworkers", result.suggestion);
  ASSERT_EQ(1u, result.notices.size());
  SearchRequest strict;
  strict.query = "dockwrkers";
  strict.strict = true;
  result = Search(strict);
  EXPECT_TRUE(result.hits.empty());
  EXPECT_TRUE(result.corrected_query.empty());
  EXPECT_TRUE(Search("\"dockwrkers\"").hits.empty());  // never inside quotes
}

TEST_F(SearcherResearchTest, NothingWithAllWordsFallsBackToAnyWord) {
  SearchResult result = Search("teachers dockworkers");
  EXPECT_TRUE(result.relaxed);
  EXPECT_EQ((std::vector<std::string>{"a2", "a4"}), Ids(result));
  EXPECT_FALSE(result.notices.empty());
  // Four words: three suffice, and no fallback is needed.
  result = Search("nurses strike safe zzzz");
  EXPECT_FALSE(result.relaxed);
  EXPECT_EQ(std::vector<std::string>{"a1"}, Ids(result));
}

TEST_F(SearcherResearchTest, IssueAuthorAndRangeFilters) {
  SearchRequest request;
  request.issue_from = 11;
  request.issue_to = 20;
  EXPECT_EQ((std::vector<std::string>{"a2", "a3"}), Ids(Search(request)));
  request = SearchRequest();
  request.authors = {"ana ruiz"};
  EXPECT_EQ((std::vector<std::string>{"a1", "a3"}), Ids(Search(request)));
  EXPECT_EQ((std::vector<std::string>{"a3", "a4"}), Ids(Search("year:2019..2020 -web")));
  EXPECT_EQ((std::vector<std::string>{"a1", "a2"}), Ids(Search("issue:10..11")));
  EXPECT_EQ(std::vector<std::string>{"a3"}, Ids(Search("date:2019-01..2019-12 nurses")));
}

TEST_F(SearcherResearchTest, AllFacetsMatchBruteForce) {
  for (const std::vector<std::string>& authors :
       std::vector<std::vector<std::string>>{{}, {"Ana Ruiz"}, {"Cy Park", "Ben Cole"}}) {
    SearchRequest request;
    request.authors = authors;
    request.facet_names = {"topic", "author", "year", "issue"};
    SearchResult result = Search(request);
    std::map<std::string, std::map<std::string, uint64_t>> expected;
    uint64_t total = 0;
    for (const Article& a : Fixture()) {
      const bool passes = authors.empty() ||
                          std::any_of(authors.begin(), authors.end(), [&](const std::string& name) {
                            return std::count(a.authors.begin(), a.authors.end(), name) > 0;
                          });
      for (const std::string& author : a.authors) ++expected["author"][author];  // disjunctive
      if (!passes) continue;
      ++total;
      for (const std::string& topic : a.topics) ++expected["topic"][topic];
      ++expected["year"][a.date.substr(0, 4)];
      if (a.issue > 0) ++expected["issue"][std::to_string(a.issue)];
    }
    EXPECT_EQ(total, result.total);
    for (const auto& [facet, counts] : expected) {
      std::map<std::string, uint64_t> got;
      for (const FacetCount& count : result.facets[facet]) got[count.value] = count.count;
      EXPECT_EQ(counts, got) << facet;
    }
    EXPECT_TRUE(result.estimated_facets.empty());
  }
}

TEST_F(SearcherResearchTest, FacetsBeyondTheExactLimitAreEstimated) {
  SearchRequest request;
  request.facet_exact_limit = 2;
  SearchResult result = Search(request);
  EXPECT_EQ((std::vector<std::string>{"topic", "city"}), result.estimated_facets);
  EXPECT_EQ(5u, Search(SearchRequest()).total);
}

TEST_F(SearcherResearchTest, CountOnlyHasNoHits) {
  SearchRequest request;
  request.query = "nurses";
  request.count_only = true;
  request.want_facets = false;
  SearchResult result = Search(request);
  EXPECT_EQ(4u, result.total);
  EXPECT_TRUE(result.total_is_exact);
  EXPECT_TRUE(result.hits.empty());
}

TEST_F(SearcherResearchTest, ExportStreamsTheSameHitsAsSearch) {
  SearchRequest request;
  request.query = "nurses";
  request.limit = 100;
  SearchResult whole = Search(request);
  std::vector<std::string> exported;
  auto summary = searcher_->Export(request, [&](const Hit& hit) {
    exported.push_back(hit.id);
    return true;
  });
  ASSERT_ARCHIVE_OK(summary);
  std::vector<std::string> searched;
  for (const Hit& hit : whole.hits) searched.push_back(hit.id);
  EXPECT_EQ(searched, exported);
  EXPECT_EQ(whole.total, summary->total);
  size_t visited = 0;
  auto stopped = searcher_->Export(request, [&](const Hit&) { return ++visited < 2; });
  ASSERT_ARCHIVE_OK(stopped);
  EXPECT_EQ(2u, visited);
}

TEST_F(SearcherResearchTest, HistogramCountsDocumentsAndOccurrencesPerYear) {
  SearchRequest request;
  request.query = "dockworkers";
  auto buckets = searcher_->Histogram(request, {});
  ASSERT_ARCHIVE_OK(buckets);
  std::map<std::string, HistogramBucket> by_year;
  for (const HistogramBucket& b : *buckets) by_year[b.period] = b;
  EXPECT_EQ(1u, by_year["2018"].documents);
  EXPECT_EQ(2u, by_year["2018"].occurrences);  // once in the title, once in the body
  EXPECT_EQ(0u, by_year["2019"].documents);
  EXPECT_GT(by_year["2019"].words, 0u);
  EXPECT_NEAR(10000.0 * 2 / static_cast<double>(by_year["2018"].words),
              by_year["2018"].per_10k_words, 1e-9);
  auto split = searcher_->Histogram(request, {Granularity::kMonth, "topic"});
  ASSERT_ARCHIVE_OK(split);
  EXPECT_FALSE(searcher_->Histogram(request, {Granularity::kYear, "author"}).ok());
}

TEST_F(SearcherResearchTest, KwicListsEachOccurrence) {
  SearchRequest request;
  request.query = "dockworkers";
  auto lines =
      searcher_->Kwic(request, {.context_words = 2, .max_lines = 10, .sort = KwicSort::kDocument});
  ASSERT_ARCHIVE_OK(lines);
  ASSERT_EQ(1u, lines->size());
  EXPECT_EQ("a2", (*lines)[0].id);
  EXPECT_EQ("Dockworkers", (*lines)[0].keyword);
  EXPECT_EQ("walked out", (*lines)[0].right);
  EXPECT_EQ("2018-06-03", (*lines)[0].date);
}

TEST_F(SearcherResearchTest, MoreLikeThisExcludesTheArticle) {
  SearchRequest request;
  request.like_id = "a1";
  SearchResult result = Search(request);
  ASSERT_FALSE(result.hits.empty());
  for (const Hit& hit : result.hits) EXPECT_NE("a1", hit.id);
  request.like_id = "nope";
  auto missing = searcher_->Search(request);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(StatusCode::kNotFound, missing.status().code());
}

TEST_F(SearcherResearchTest, MultiplePassagesAndValidation) {
  SearchRequest request;
  request.query = "nurses";
  request.snippet_words = 3;
  request.snippet_passages = 2;
  SearchResult result = Search(request);
  ASSERT_FALSE(result.hits.empty());
  request.facet_names = {"colour"};
  EXPECT_FALSE(searcher_->Search(request).ok());
  request = SearchRequest();
  request.issue_from = 5;
  request.issue_to = 4;
  EXPECT_FALSE(searcher_->Search(request).ok());
}

// A second, small archive with gaps between its years and phrases in its text.
class SearcherGapsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto indexer = indexer::Indexer::Open({dir_.path()});
    ASSERT_ARCHIVE_OK(indexer);
    for (const Article& article :
         {Make("g1", "2014-03-01", 1, "Rent rose again",
               "Rent rose again. The rent control vote passed; rent control won.", {"Ana Ruiz"},
               {"Housing"}),
          Make("g2", "2017-11-20", 2, "Tenants organise", "Tenants asked for rent control.",
               {"Ben Cole"}, {"Housing"})}) {
      auto added = (*indexer)->Add(article);
      ASSERT_ARCHIVE_OK(added);
    }
    auto summary = (*indexer)->Commit();
    ASSERT_ARCHIVE_OK(summary);
    indexer->reset();
    auto searcher = Searcher::Open({dir_.path()});
    ASSERT_ARCHIVE_OK(searcher);
    searcher_ = std::move(*searcher);
  }

  std::vector<std::string> Keywords(const std::string& query) {
    SearchRequest request;
    request.query = query;
    auto lines = searcher_->Kwic(request, {.context_words = 2, .max_lines = 100});
    EXPECT_ARCHIVE_OK(lines);
    std::vector<std::string> keywords;
    if (lines.ok()) {
      for (const KwicLine& line : *lines) keywords.push_back(line.id + ":" + line.keyword);
    }
    std::sort(keywords.begin(), keywords.end());  // rank order is not the point here
    return keywords;
  }

  test::TempDir dir_;
  std::unique_ptr<Searcher> searcher_;
};

TEST_F(SearcherGapsTest, HistogramHasZeroRowsForEmptyYears) {
  auto buckets = searcher_->Histogram(SearchRequest(), {});
  ASSERT_ARCHIVE_OK(buckets);
  std::vector<std::string> periods;
  for (const HistogramBucket& b : *buckets) {
    periods.push_back(b.period);
    if (b.period == "2015" || b.period == "2016") {
      EXPECT_EQ(0u, b.documents);
      EXPECT_EQ(0u, b.words);
      EXPECT_EQ(0.0, b.per_10k_words);
    }
  }
  EXPECT_EQ((std::vector<std::string>{"2014", "2015", "2016", "2017"}), periods);

  auto months = searcher_->Histogram(SearchRequest(), {Granularity::kMonth, "topic"});
  ASSERT_ARCHIVE_OK(months);
  ASSERT_EQ(45u, months->size());  // 2014-03 .. 2017-11, one series
  EXPECT_EQ("2014-03", months->front().period);
  EXPECT_EQ("2014-04", (*months)[1].period);
  EXPECT_EQ("Housing", (*months)[1].group);
  EXPECT_EQ(0u, (*months)[1].documents);
  EXPECT_EQ("2017-11", months->back().period);
  EXPECT_EQ(1u, months->back().documents);
}

TEST_F(SearcherGapsTest, KwicTakesAQuotedPhraseAsOneKeyword) {
  // "Rent" alone is not the phrase; each "rent control" is one line, not two.
  EXPECT_EQ((std::vector<std::string>{"g1:rent control", "g1:rent control", "g2:rent control"}),
            Keywords("\"rent control\""));
  // A word of the query outside the phrase is a keyword on its own as well.
  EXPECT_EQ((std::vector<std::string>{"g1:rent control", "g1:rent control", "g1:rose"}),
            Keywords("\"rent control\" rose"));
  // Without quotes, every matched word is its own keyword.
  EXPECT_EQ(4u, Keywords("rent").size());
}

}  // namespace
}  // namespace archive::query
