// Facet counts on a real index of the generated archive, checked against a brute-force
// count: every matching article exported with its stored metadata, and each facet's
// values tallied by the definition (disjunctive: a facet's counts ignore its own
// selection but honour the others; multi-valued: an article counts in each of its values).
#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "core/index_layout.h"
#include "core/schema.h"
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
    SearcherOptions options{dir_->path()};
    options.cores = 64;  // the facet pass beside the page even with four requests running
    auto searcher = Searcher::Open(options);
    ASSERT_ARCHIVE_OK(searcher);
    searcher_ = searcher->release();
    SearcherOptions by_matcher{dir_->path()};
    by_matcher.match_set_facets = false;
    auto matcher = Searcher::Open(by_matcher);
    ASSERT_ARCHIVE_OK(matcher);
    matcher_ = matcher->release();
    SearcherOptions in_line{dir_->path()};
    in_line.cores = 1;  // never a spare core: every part of a search on its own thread
    auto sequential = Searcher::Open(in_line);
    ASSERT_ARCHIVE_OK(sequential);
    in_line_ = sequential->release();
  }
  static void TearDownTestSuite() {
    delete in_line_;
    delete matcher_;
    delete searcher_;
    delete dir_;
  }

  // The facets of `request` by brute force over its exported match set without
  // selections.
  static Counts BruteForce(const SearchRequest& request, uint64_t* total,
                           const std::function<bool(const Hit&)>& counted = nullptr) {
    SearchRequest unselected = request;
    unselected.topics.clear();
    unselected.cities.clear();
    unselected.authors.clear();
    unselected.collapse = false;  // facets count every document, as the total does
    Counts counts;
    *total = 0;
    auto exported = searcher_->Export(unselected, [&](const Hit& hit) {
      if (counted && !counted(hit)) return true;
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

  // `request`'s counts are those of the matches at every `step`-th docid, times `step`,
  // and say so.
  static void ExpectEveryNthDocidScaled(const Xapian::Database& db, const SearchRequest& request,
                                        uint64_t step) {
    auto docid_of = [&db](const Hit& hit) {
      const std::string term = std::string(schema::kIdPrefix) + hit.id;
      Xapian::PostingIterator it = db.postlist_begin(term);
      return it == db.postlist_end(term) ? Xapian::docid{0} : *it;
    };
    uint64_t total = 0;
    Counts expected = BruteForce(request, &total, [&](const Hit& hit) {
      const Xapian::docid docid = docid_of(hit);
      EXPECT_NE(0u, docid) << hit.id;
      return docid % step == 0;
    });
    const SearchResult result = Faceted(request);
    EXPECT_EQ(AllFacetNames().size(), result.estimated_facets.size());
    for (const std::string& facet : AllFacetNames()) {
      std::map<std::string, uint64_t> got;
      for (const FacetCount& count : result.facets.at(facet)) got[count.value] = count.count;
      std::map<std::string, uint64_t> want;
      for (const auto& [value, n] : expected[facet]) want[value] = n * step;
      EXPECT_EQ(want, got) << facet << ", every " << step << "th docid";
    }
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
  static Searcher* matcher_;  // the facet pass by Xapian's matcher, the way it was
  static Searcher* in_line_;  // one thread per search: facets after the page, hits in turn
};

test::TempDir* SearcherFacetsTest::dir_ = nullptr;
Searcher* SearcherFacetsTest::searcher_ = nullptr;
Searcher* SearcherFacetsTest::matcher_ = nullptr;
Searcher* SearcherFacetsTest::in_line_ = nullptr;

void ExpectSameCounts(const SearchResult& want, const SearchResult& got) {
  EXPECT_EQ(want.total, got.total);
  EXPECT_EQ(want.total_is_exact, got.total_is_exact);
  EXPECT_EQ(want.estimated_facets, got.estimated_facets);
  ASSERT_EQ(want.facets.size(), got.facets.size());
  for (const auto& [facet, counts] : want.facets) {
    const std::vector<FacetCount>& got_counts = got.facets.at(facet);
    ASSERT_EQ(counts.size(), got_counts.size()) << facet;
    for (size_t i = 0; i < counts.size(); ++i) {
      EXPECT_EQ(counts[i].value, got_counts[i].value) << facet << " " << i;
      EXPECT_EQ(counts[i].count, got_counts[i].count) << facet << " " << i;
    }
  }
}

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

// The bitset facet pass (query/match_set.h) against Xapian's matcher with a decider, the
// way counts were taken before: the same totals and counts for words, phrases,
// exclusions, fields, ranges, wildcards, synonyms, long relaxed queries and selections,
// asked twice (the second time from the snapshot's cache). Sampled (more matches than
// the exact limit), the two take their step from different counts (the set's exact
// size, Xapian's estimate): the same totals and flags then, and the counts are checked
// against their definition below.
TEST_F(SearcherFacetsTest, BitsetCountsAreTheMatchersCounts) {
  const SearchResult everything = Faceted(SearchRequest());
  const std::string topic = MostFrequent(everything, "topic", 1);
  const std::string city = MostFrequent(everything, "city", 0);
  const std::string author = MostFrequent(everything, "author", 2);
  int compared = 0;
  for (const char* text :
       {"", "workers", "rent OR strike", "union -police", "-police", "\"minimum wage\"",
        "\"the union\" strike", "title:union", "year:2015..2016", "wor*", "AOC", "BLM rally",
        "rent NEAR/3 strike", "rent XOR strike", "workers union strike rent police city",
        "tenants housing rent eviction landlord council vote protest march union", "nothingsuch"}) {
    for (uint64_t exact_limit : {kDefaultFacetExactLimit, uint64_t{40}}) {
      SearchRequest request;
      request.query = text;
      request.facet_names = AllFacetNames();
      request.facet_limit = 100000;
      request.facet_exact_limit = exact_limit;
      for (int selections = 0; selections < 4; ++selections) {
        if (selections == 1) request.topics = {topic};
        if (selections == 2) request.cities = {city, "Nowhere"};
        if (selections == 3) request.authors = {author};
        SCOPED_TRACE(std::string(text) + " limit " + std::to_string(exact_limit) + " selections " +
                     std::to_string(selections));
        auto want = matcher_->Search(request);
        ASSERT_ARCHIVE_OK(want);
        for (int pass = 0; pass < 2; ++pass) {
          auto got = searcher_->Search(request);
          ASSERT_ARCHIVE_OK(got);
          if (want->estimated_facets.empty()) {
            ExpectSameCounts(*want, *got);
          } else {
            EXPECT_EQ(want->total, got->total);
            EXPECT_EQ(want->total_is_exact, got->total_is_exact);
            EXPECT_EQ(want->estimated_facets, got->estimated_facets);
          }
        }
        if (want->total > 0) ++compared;
      }
    }
  }
  EXPECT_GT(compared, 60);
}

void ExpectSameHits(const SearchResult& want, const SearchResult& got) {
  ASSERT_EQ(want.hits.size(), got.hits.size());
  for (size_t i = 0; i < want.hits.size(); ++i) {
    EXPECT_EQ(want.hits[i].id, got.hits[i].id) << i;
    EXPECT_EQ(want.hits[i].rank, got.hits[i].rank) << i;
    EXPECT_EQ(want.hits[i].score, got.hits[i].score) << i;
    EXPECT_EQ(want.hits[i].date, got.hits[i].date) << i;
    EXPECT_EQ(want.hits[i].title_highlighted, got.hits[i].title_highlighted) << i;
    EXPECT_EQ(want.hits[i].snippet, got.hits[i].snippet) << i;
  }
}

// A search spread over threads (the facet pass beside the page, a phrase's facet count
// split, the hits built by two threads) gives the answer of a search on one thread:
// hits, totals and counts, from four request threads at once. In the sanitizer build this
// also watches the other threads' use of the snapshot, the pool, the query and the page.
// (searcher_ counts on 64 cores, so that every request has a spare one.)
TEST_F(SearcherFacetsTest, ASearchOverThreadsAnswersAsOnOne) {
  const SearchResult everything = Faceted(SearchRequest());
  const std::string topic = MostFrequent(everything, "topic", 0);
  const std::string city = MostFrequent(everything, "city", 1);
  std::vector<SearchRequest> requests;
  for (const char* text : {"workers", "\"minimum wage\"", "union -police", "rent NEAR/3 strike",
                           "wor*", "tenants housing rent eviction landlord council vote", ""}) {
    for (uint64_t exact_limit : {kDefaultFacetExactLimit, uint64_t{40}}) {
      SearchRequest request;
      request.query = text;
      request.facet_names = AllFacetNames();
      request.facet_exact_limit = exact_limit;
      requests.push_back(request);
      request.topics = {topic};
      request.cities = {city};
      requests.push_back(request);
    }
  }
  for (const char* text : {"\"minimum wage\"", "rent NEAR/3 strike"}) {
    SearchRequest request;  // positions read at a stride
    request.query = text;
    request.facet_names = AllFacetNames();
    request.facet_check_limit = 20;
    requests.push_back(request);
    request.cities = {city};
    requests.push_back(request);
  }
  std::vector<SearchResult> want;
  for (const SearchRequest& request : requests) {
    auto result = in_line_->Search(request);
    ASSERT_ARCHIVE_OK(result);
    want.push_back(*result);
  }
  std::vector<std::thread> threads;
  std::vector<std::vector<StatusOr<SearchResult>>> got(4);
  for (auto& results : got) {
    threads.emplace_back([&requests, &results] {
      for (const SearchRequest& request : requests) results.push_back(searcher_->Search(request));
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const auto& results : got) {
    ASSERT_EQ(requests.size(), results.size());
    for (size_t i = 0; i < requests.size(); ++i) {
      SCOPED_TRACE(requests[i].query + " limits " + std::to_string(requests[i].facet_exact_limit) +
                   "/" + std::to_string(requests[i].facet_check_limit) +
                   (requests[i].topics.empty() ? "" : " selected"));
      ASSERT_ARCHIVE_OK(results[i]);
      ExpectSameCounts(want[i], *results[i]);
      ExpectSameHits(want[i], *results[i]);
    }
  }
}

// The generation's Xapian database, to look up articles' docids.
std::unique_ptr<Xapian::Database> OpenXapian(const std::string& index) {
  auto generation = index_layout::ReadCurrent(index);
  EXPECT_ARCHIVE_OK(generation);
  if (!generation.ok() || !generation->has_value()) return nullptr;
  return std::make_unique<Xapian::Database>(index_layout::XapianPath(index, **generation));
}

// Beyond the exact limit the counts are those of every n-th docid of the match set
// without selections, n = ceil(matches / limit), times n: checked against that definition
// over the exported match set, each article's docid looked up in the Xapian database.
TEST_F(SearcherFacetsTest, SampledCountsAreEveryNthMatchScaled) {
  const std::unique_ptr<Xapian::Database> db = OpenXapian(dir_->path());
  ASSERT_NE(nullptr, db);
  const SearchResult everything = Faceted(SearchRequest());
  const std::string topic = MostFrequent(everything, "topic", 0);
  int sampled = 0;
  for (const char* text : {"", "workers", "union -police", "\"minimum wage\"", "rent OR strike"}) {
    for (uint64_t limit : {uint64_t{40}, uint64_t{150}}) {
      for (bool select : {false, true}) {
        SearchRequest request;
        request.query = text;
        request.facet_exact_limit = limit;
        if (select) request.topics = {topic};
        SCOPED_TRACE(std::string(text) + " limit " + std::to_string(limit) +
                     (select ? " selected" : ""));
        SearchRequest unselected;
        unselected.query = text;
        uint64_t matches = 0;
        BruteForce(unselected, &matches);
        const uint64_t step = (matches + limit - 1) / limit;
        if (step < 2) continue;
        ++sampled;
        ExpectEveryNthDocidScaled(*db, request, step);
      }
    }
  }
  EXPECT_GE(sampled, 12);
}

// Beyond the check limit, phrases are read at every n-th docid only, n = ceil(candidates /
// limit), each phrase counting as many candidates as its rarest word has documents; the counts
// are then those of every n-th docid (or every multiple of n that the exact limit asks
// for, from the matches the sample implies), times that step.
TEST_F(SearcherFacetsTest, PhrasesBeyondTheCheckLimitAreCountedAtTheirStride) {
  const std::unique_ptr<Xapian::Database> db = OpenXapian(dir_->path());
  ASSERT_NE(nullptr, db);
  auto candidates = [&db](const std::vector<std::string>& words) {
    Xapian::doccount fewest = db->get_doccount();
    for (const std::string& word : words) fewest = std::min(fewest, db->get_termfreq(word));
    return uint64_t{fewest};
  };
  const SearchResult everything = Faceted(SearchRequest());
  const std::string city = MostFrequent(everything, "city", 0);
  const std::vector<std::pair<const char*, std::vector<std::vector<std::string>>>> cases = {
      {"\"minimum wage\"", {{"minimum", "wage"}}},
      {"\"minimum wage\" OR \"the union\"", {{"minimum", "wage"}, {"the", "union"}}}};
  int strided = 0;
  for (const auto& [text, phrases] : cases) {
    for (uint64_t check_limit : {uint64_t{5}, uint64_t{30}}) {
      for (uint64_t exact_limit : {kDefaultFacetExactLimit, uint64_t{10}}) {
        for (bool select : {false, true}) {
          SearchRequest request;
          request.query = text;
          request.facet_check_limit = check_limit;
          request.facet_exact_limit = exact_limit;
          if (select) request.cities = {city};
          SCOPED_TRACE(std::string(text) + " check limit " + std::to_string(check_limit) +
                       " exact limit " + std::to_string(exact_limit) + (select ? " selected" : ""));
          uint64_t checks = 0;
          for (const auto& words : phrases) checks += candidates(words);
          const uint64_t stride = (checks + check_limit - 1) / check_limit;
          ASSERT_GE(stride, 2u);
          ++strided;
          // The matches at multiples of the stride, scaled, decide the step beyond the
          // exact limit.
          SearchRequest unselected;
          unselected.query = text;
          uint64_t sampled = 0;
          BruteForce(unselected, &sampled, [&](const Hit& hit) {
            Xapian::PostingIterator it =
                db->postlist_begin(std::string(schema::kIdPrefix) + hit.id);
            return *it % stride == 0;
          });
          const uint64_t matches = sampled * stride;
          uint64_t step = matches > exact_limit ? (matches + exact_limit - 1) / exact_limit : 1;
          step = std::max(stride, (step + stride - 1) / stride * stride);
          ExpectEveryNthDocidScaled(*db, request, step);
        }
      }
    }
  }
  EXPECT_EQ(16, strided);
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
