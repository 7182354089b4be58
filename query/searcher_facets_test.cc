// Facet counts on a real index of the generated archive, checked against a brute-force
// count: every matching article exported with its stored metadata, and each facet's
// values tallied by the definition (disjunctive: a facet's counts ignore its own
// selection but honour the others; multi-valued: an article counts in each of its values).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "corpus/sample_generator.h"
#include "indexer/indexer.h"
#include "query/searcher.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"

namespace archive::query {
namespace {

using Counts = std::map<std::string, std::map<std::string, uint64_t>>;  // facet → value → n

bool AnyOf(const std::vector<std::string>& values, const std::vector<std::string>& selected) {
  for (const std::string& value : values) {
    if (std::find(selected.begin(), selected.end(), value) != selected.end()) return true;
  }
  return false;
}

class SearcherFacetsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::TempDir();
    auto indexer = indexer::Indexer::Open({dir_->path()});
    ASSERT_ARCHIVE_OK(indexer);
    corpus::SampleGenerator generator({5, 600, false});
    Article article;
    while (generator.Next(&article)) {
      auto added = (*indexer)->Add(article);
      ASSERT_ARCHIVE_OK(added);
    }
    auto summary = (*indexer)->Commit();
    ASSERT_ARCHIVE_OK(summary);
    indexer->reset();
    auto searcher = Searcher::Open({dir_->path()});
    ASSERT_ARCHIVE_OK(searcher);
    searcher_ = searcher->release();
  }
  static void TearDownTestSuite() {
    delete searcher_;
    delete dir_;
  }

  // The facets of `request` by brute force over its exported match set without
  // selections.
  static Counts BruteForce(const SearchRequest& request, uint64_t* total) {
    SearchRequest unselected = request;
    unselected.topics.clear();
    unselected.cities.clear();
    unselected.authors.clear();
    unselected.collapse = false;  // facets count every document, as the total does
    Counts counts;
    *total = 0;
    auto exported = searcher_->Export(unselected, [&](const Hit& hit) {
      const bool topic = request.topics.empty() || AnyOf(hit.topics, request.topics);
      const bool city = request.cities.empty() || AnyOf(hit.cities, request.cities);
      const bool author = request.authors.empty() || AnyOf(hit.authors, request.authors);
      if (city && author)
        for (const std::string& t : hit.topics) ++counts["topic"][t];
      if (topic && author)
        for (const std::string& c : hit.cities) ++counts["city"][c];
      if (topic && city)
        for (const std::string& a : hit.authors) ++counts["author"][a];
      if (topic && city && author) {
        ++*total;
        if (!hit.date.empty()) ++counts["year"][hit.date.substr(0, 4)];
        if (hit.issue > 0) ++counts["issue"][std::to_string(hit.issue)];
      }
      return true;
    });
    EXPECT_ARCHIVE_OK(exported);
    return counts;
  }

  static SearchResult Faceted(SearchRequest request) {
    request.facet_names = AllFacetNames();
    request.facet_limit = 100000;
    auto result = searcher_->Search(request);
    EXPECT_ARCHIVE_OK(result);
    return result.ok() ? *result : SearchResult();
  }

  static void ExpectBruteForceCounts(const SearchRequest& request) {
    SCOPED_TRACE("query: " + request.query);
    const SearchResult result = Faceted(request);
    uint64_t total = 0;
    const Counts expected = BruteForce(request, &total);
    EXPECT_TRUE(result.total_is_exact);
    EXPECT_TRUE(result.estimated_facets.empty());
    EXPECT_EQ(total, result.total);
    for (const std::string& facet : AllFacetNames()) {
      std::map<std::string, uint64_t> got;
      for (const FacetCount& count : result.facets.at(facet)) got[count.value] = count.count;
      const auto it = expected.find(facet);
      const std::map<std::string, uint64_t> want =
          it == expected.end() ? std::map<std::string, uint64_t>() : it->second;
      EXPECT_EQ(want, got) << facet;
    }
  }

  static std::string MostFrequent(const SearchResult& result, const std::string& facet,
                                  size_t rank) {
    const std::vector<FacetCount>& counts = result.facets.at(facet);
    return counts.size() > rank ? counts[rank].value : "";
  }

  static test::TempDir* dir_;
  static Searcher* searcher_;
};

test::TempDir* SearcherFacetsTest::dir_ = nullptr;
Searcher* SearcherFacetsTest::searcher_ = nullptr;

TEST_F(SearcherFacetsTest, CountsMatchABruteForceCount) {
  const SearchResult everything = Faceted(SearchRequest());
  ASSERT_GT(everything.total, 500u);
  const std::string topic = MostFrequent(everything, "topic", 0);
  const std::string city = MostFrequent(everything, "city", 0);
  const std::string other_city = MostFrequent(everything, "city", 1);
  const std::string author = MostFrequent(everything, "author", 0);
  ASSERT_FALSE(topic.empty() || city.empty() || other_city.empty() || author.empty());

  for (const char* text :
       {"", "workers", "rent OR strike", "\"minimum wage\"", "union -police", "year:2015..2016"}) {
    SearchRequest request;
    request.query = text;
    ExpectBruteForceCounts(request);
    request.topics = {topic};
    ExpectBruteForceCounts(request);
    request.cities = {city, other_city};
    ExpectBruteForceCounts(request);
    request.authors = {author};
    ExpectBruteForceCounts(request);
    request.topics.clear();
    ExpectBruteForceCounts(request);
  }
}

TEST_F(SearcherFacetsTest, ASelectionNoDocumentHasSelectsNothing) {
  SearchRequest request;
  request.topics = {"No Such Topic"};
  const SearchResult result = Faceted(request);
  EXPECT_EQ(0u, result.total);
  EXPECT_TRUE(result.facets.at("city").empty());
  EXPECT_FALSE(result.facets.at("topic").empty());  // its own selection is ignored
}

}  // namespace
}  // namespace archive::query
