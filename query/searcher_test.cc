#include "query/searcher.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "core/article.h"
#include "indexer/indexer.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"

namespace archive::query {
namespace {

Article Make(std::string id, std::string date, std::string title, std::string body,
             std::vector<std::string> topics, std::vector<std::string> cities) {
  Article article;
  article.id = std::move(id);
  article.date = std::move(date);
  article.title = std::move(title);
  article.body = std::move(body);
  article.topics = std::move(topics);
  article.cities = std::move(cities);
  article.url = "https://example.org/" + article.id;
  return article;
}

// A new index in `dir` holding `articles`, committed, and a searcher on it.
void IndexAndOpen(const test::TempDir& dir, const std::vector<Article>& articles,
                  std::unique_ptr<Searcher>& searcher) {
  {
    auto indexer = indexer::Indexer::Open({dir.path()});
    ASSERT_ARCHIVE_OK(indexer);
    for (const Article& article : articles) {
      auto added = (*indexer)->Add(article);
      ASSERT_ARCHIVE_OK(added);
    }
    auto summary = (*indexer)->Commit();
    ASSERT_ARCHIVE_OK(summary);
  }
  auto opened = Searcher::Open({dir.path()});
  ASSERT_ARCHIVE_OK(opened);
  searcher = std::move(*opened);
}

// Hand-written: every count below can be checked by eye.
std::vector<Article> Fixture() {
  std::vector<Article> articles = {
      Make("rent-wins", "2019-03-10", "Rent control wins in Seattle",
           "Tenants celebrated as the council passed the ordinance after a long campaign.",
           {"Housing"}, {"Seattle"}),
      Make("port-strike", "2018-10-02", "Dockworkers strike at the port",
           "Cranes stood still as dockworkers walked out over pay and safety.", {"Labor"},
           {"Seattle"}),
      Make("budget-vote", "2020-01-15", "Council budget vote delayed",
           "The council delayed its budget vote. A strike by city workers was mentioned once, "
           "among parks, libraries, roads, bridges, buses and the water utility.",
           {"Budget", "Labor"}, {"Minneapolis"}),
      Make("nurses-march", "2018-05-01", "Nurses march for contracts",
           "<p>Teachers &amp; nurses <b>marched</b> for union contracts.</p><p>Second.</p>",
           {"Labor", "Healthcare"}, {"Minneapolis"}),
      Make("sawant", "2019-11-06", "Sāwant re-elected",
           "Kshama Sāwant’s campaign beat a record amount of corporate money.", {"Elections"},
           {"Seattle"}),
      Make("moratorium", "2020-04-01", "Eviction moratorium extended",
           "Renters in both cities won more time; control of the rent board is next.", {"Housing"},
           {"Minneapolis", "Saint Paul"}),
      Make("racism", "2017-08-20", "Fighting racism in housing",
           "Organizers confronted discrimination by landlords.", {"Fighting Racism", "Housing"},
           {"Chicago"}),
      Make("amazon-tax", "2018-06-12", "Amazon tax repealed",
           "Business lobbying reversed the head tax within a month.", {"Budget"}, {"Seattle"}),
      Make("nurses-strike", "2021-09-01", "Nurses strike for safe staffing",
           "Thousands of nurses walked out across the state.", {"Labor", "Healthcare"},
           {"Minneapolis", "Saint Paul"}),
      Make("issue-42", "2019-03-15", "Issue 42",
           "Rent control wins in Seattle. Dockworkers strike at the port.", {}, {}),
  };
  articles.back().kind = "issue";
  articles.back().issue = 42;
  return articles;
}

std::vector<std::string> Ids(const SearchResult& result) {
  std::vector<std::string> ids;
  for (const Hit& hit : result.hits) ids.push_back(hit.id);
  return ids;
}

std::map<std::string, uint64_t> Counts(const SearchResult& result, const std::string& facet) {
  std::map<std::string, uint64_t> counts;
  auto it = result.facets.find(facet);
  if (it == result.facets.end()) return counts;
  for (const FacetCount& count : it->second) counts[count.value] = count.count;
  return counts;
}

bool AnyOf(const std::vector<std::string>& values, const std::vector<std::string>& selected) {
  for (const std::string& v : values)
    if (std::find(selected.begin(), selected.end(), v) != selected.end()) return true;
  return false;
}

// Disjunctive facet counts by definition, over the fixture itself: a facet's counts
// ignore that facet's own selection but honour the other one's.
struct Expected {
  uint64_t total = 0;
  std::map<std::string, uint64_t> topics, cities;
};
Expected BruteForce(const std::vector<std::string>& topics,
                    const std::vector<std::string>& cities) {
  Expected expected;
  for (const Article& a : Fixture()) {
    if (a.kind != "article") continue;
    bool topic_ok = topics.empty() || AnyOf(a.topics, topics);
    bool city_ok = cities.empty() || AnyOf(a.cities, cities);
    if (city_ok)
      for (const std::string& t : a.topics) ++expected.topics[t];
    if (topic_ok)
      for (const std::string& c : a.cities) ++expected.cities[c];
    if (topic_ok && city_ok) ++expected.total;
  }
  return expected;
}

class SearcherTest : public ::testing::Test {
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
    generation_ = summary->generation;
    revision_ = summary->revision;
    indexer->reset();  // releases the writer lock

    auto searcher = Searcher::Open({dir_.path()});
    ASSERT_ARCHIVE_OK(searcher);
    searcher_ = std::move(*searcher);
  }

  SearchResult SearchOk(const SearchRequest& request) {
    StatusOr<SearchResult> result = searcher_->Search(request);
    EXPECT_ARCHIVE_OK(result);
    return result.ok() ? std::move(*result) : SearchResult();
  }
  SearchResult SearchOk(const std::string& query) {
    SearchRequest request;
    request.query = query;
    return SearchOk(request);
  }

  test::TempDir dir_;
  std::unique_ptr<Searcher> searcher_;
  uint64_t generation_ = 0;
  uint64_t revision_ = 0;
};

TEST_F(SearcherTest, ShardedOnlyWhenOpenedOnShards) {
  EXPECT_FALSE(searcher_->sharded());  // the server probes it for new revisions more often
  SearcherOptions options;
  options.shards = {dir_.path(), dir_.path()};
  auto shards = Searcher::Open(options);
  ASSERT_ARCHIVE_OK(shards);
  EXPECT_TRUE((*shards)->sharded());
}

TEST_F(SearcherTest, OpenFailsWithoutAnIndex) {
  test::TempDir empty;
  auto searcher = Searcher::Open({empty.path()});
  ASSERT_FALSE(searcher.ok());
  EXPECT_EQ(StatusCode::kNotFound, searcher.status().code()) << searcher.status().ToString();
}

TEST_F(SearcherTest, TitleMatchRanksAboveBodyMention) {
  SearchResult result = SearchOk("strike");
  ASSERT_EQ(3u, result.hits.size());  // the issue record also says "strike" but is excluded
  EXPECT_EQ("budget-vote", result.hits[2].id);
  EXPECT_GT(result.hits[1].score, result.hits[2].score);
  for (uint32_t i = 0; i < result.hits.size(); ++i) EXPECT_EQ(i + 1, result.hits[i].rank);
  EXPECT_EQ("Dockworkers <mark>strike</mark> at the port", result.hits[0].id == "port-strike"
                                                               ? result.hits[0].title_highlighted
                                                               : result.hits[1].title_highlighted);
}

TEST_F(SearcherTest, PhraseMatchesOnlyAdjacentWords) {
  // "moratorium" has both words, apart and in the other order.
  EXPECT_EQ(std::vector<std::string>{"rent-wins"}, Ids(SearchOk("\"rent control\"")));
  EXPECT_EQ(std::vector<std::string>{"rent-wins"}, Ids(SearchOk("“Rent Control”")));
  std::vector<std::string> both = Ids(SearchOk("rent control"));
  std::sort(both.begin(), both.end());
  EXPECT_EQ((std::vector<std::string>{"moratorium", "rent-wins"}), both);
}

TEST_F(SearcherTest, AccentsAndHtmlAreHandled) {
  SearchResult result = SearchOk("sawant");
  ASSERT_EQ(1u, result.hits.size());
  EXPECT_EQ("<mark>Sāwant</mark> re-elected", result.hits[0].title_highlighted);
  EXPECT_EQ("Kshama <mark>Sāwant’s</mark> campaign beat a record amount of corporate money.",
            result.hits[0].snippet);

  result = SearchOk("marched");
  ASSERT_EQ(1u, result.hits.size());
  EXPECT_EQ("nurses-march", result.hits[0].id);
  EXPECT_EQ("Teachers &amp; nurses <mark>marched</mark> for union contracts. Second.",
            result.hits[0].snippet);
  EXPECT_EQ("2018-05-01", result.hits[0].date);
  EXPECT_EQ((std::vector<std::string>{"Labor", "Healthcare"}), result.hits[0].topics);
  EXPECT_TRUE(SearchOk("b OR p").hits.empty());  // markup is not indexed
}

TEST_F(SearcherTest, DateRangeIsInclusive) {
  SearchRequest request;
  request.from_date = "2019-03-10";
  request.to_date = "2019-11-06";
  request.sort = SortOrder::kOldest;
  EXPECT_EQ((std::vector<std::string>{"rent-wins", "sawant"}), Ids(SearchOk(request)));
  request.kinds = {"article", "issue"};
  EXPECT_EQ((std::vector<std::string>{"rent-wins", "issue-42", "sawant"}), Ids(SearchOk(request)));
  request.from_date.clear();
  request.to_date = "2017-12-31";
  EXPECT_EQ(std::vector<std::string>{"racism"}, Ids(SearchOk(request)));
}

TEST_F(SearcherTest, SortsByDate) {
  SearchRequest request;
  request.sort = SortOrder::kNewest;
  const std::vector<std::string> newest = {"nurses-strike", "moratorium",   "budget-vote",
                                           "sawant",        "rent-wins",    "port-strike",
                                           "amazon-tax",    "nurses-march", "racism"};
  EXPECT_EQ(newest, Ids(SearchOk(request)));
  request.sort = SortOrder::kOldest;
  EXPECT_EQ(std::vector<std::string>(newest.rbegin(), newest.rend()), Ids(SearchOk(request)));
  // An empty query browses newest first even when relevance was asked for.
  request.sort = SortOrder::kRelevance;
  request.query = "   ";
  EXPECT_EQ(newest, Ids(SearchOk(request)));
  // With words, date order still applies to the matches only.
  request.query = "nurses";
  request.sort = SortOrder::kOldest;
  EXPECT_EQ((std::vector<std::string>{"nurses-march", "nurses-strike"}), Ids(SearchOk(request)));
}

TEST_F(SearcherTest, KindsDefaultToArticles) {
  SearchResult result = SearchOk("");
  EXPECT_EQ(9u, result.total);
  for (const Hit& hit : result.hits) EXPECT_EQ("article", hit.kind) << hit.id;
  SearchRequest request;
  request.kinds = {"issue"};
  result = SearchOk(request);
  ASSERT_EQ(std::vector<std::string>{"issue-42"}, Ids(result));
  EXPECT_EQ("issue", result.hits[0].kind);
  EXPECT_EQ(42, result.hits[0].issue);
  request.kinds = {"article", "issue"};
  EXPECT_EQ(10u, SearchOk(request).total);
}

TEST_F(SearcherTest, FacetCountsAreExactAndDisjunctive) {
  const std::vector<std::vector<std::string>> topic_choices = {
      {}, {"Housing"}, {"Labor"}, {"Housing", "Labor"}, {"Fighting Racism"}};
  const std::vector<std::vector<std::string>> city_choices = {
      {}, {"Seattle"}, {"Minneapolis"}, {"Saint Paul", "Chicago"}};
  for (const auto& topics : topic_choices) {
    for (const auto& cities : city_choices) {
      SearchRequest request;
      request.topics = topics;
      request.cities = cities;
      request.limit = 100;
      SearchResult result = SearchOk(request);
      Expected expected = BruteForce(topics, cities);
      SCOPED_TRACE(::testing::PrintToString(topics) + " × " + ::testing::PrintToString(cities));
      EXPECT_EQ(expected.total, result.total);
      EXPECT_TRUE(result.total_is_exact);
      EXPECT_EQ(expected.total, result.hits.size());
      EXPECT_EQ(expected.topics, Counts(result, "topic"));
      EXPECT_EQ(expected.cities, Counts(result, "city"));
    }
  }
}

TEST_F(SearcherTest, SelectingATopicKeepsTopicCountsAndNarrowsCities) {
  SearchRequest request;
  SearchResult all = SearchOk(request);
  request.topics = {"housing"};  // matched without regard to case
  SearchResult housing = SearchOk(request);
  EXPECT_EQ(3u, housing.total);
  EXPECT_EQ(Counts(all, "topic"), Counts(housing, "topic"));
  const std::map<std::string, uint64_t> cities = {
      {"Seattle", 1}, {"Minneapolis", 1}, {"Saint Paul", 1}, {"Chicago", 1}};
  EXPECT_EQ(cities, Counts(housing, "city"));
  EXPECT_EQ(4u, Counts(all, "topic")["Labor"]);       // multi-topic articles count in each
  EXPECT_EQ(4u, Counts(all, "city")["Minneapolis"]);  // and multi-city ones in each city
  EXPECT_EQ(2u, Counts(all, "city")["Saint Paul"]);
  // Most frequent first, then by name; facet_limit cuts the list.
  const std::vector<FacetCount>& topics = all.facets.at("topic");
  ASSERT_GE(topics.size(), 2u);
  EXPECT_EQ("Labor", topics[0].value);
  EXPECT_EQ("Housing", topics[1].value);
  request.topics.clear();
  request.facet_limit = 2;
  EXPECT_EQ(2u, SearchOk(request).facets.at("city").size());
  request.want_facets = false;
  EXPECT_TRUE(SearchOk(request).facets.empty());
}

TEST_F(SearcherTest, FacetsFollowTheTextQuery) {
  SearchRequest request;
  request.query = "nurses";
  request.topics = {"Labor"};
  SearchResult result = SearchOk(request);
  EXPECT_EQ(2u, result.total);
  EXPECT_EQ((std::map<std::string, uint64_t>{{"Labor", 2}, {"Healthcare", 2}}),
            Counts(result, "topic"));
  EXPECT_EQ((std::map<std::string, uint64_t>{{"Minneapolis", 2}, {"Saint Paul", 1}}),
            Counts(result, "city"));
}

// Ids only (the API's format=ids, the CLI's trec runs): the same hits in the same order,
// with their ranks, scores and dates, and nothing read from the stored text.
TEST_F(SearcherTest, IdsOnlyHitsAreTheFullHitsWithoutTheirText) {
  for (const char* query : {"", "strike", "\"rent control\"", "nurses OR tenants"}) {
    SearchRequest request;
    request.query = query;
    request.limit = 5;
    const SearchResult full = SearchOk(request);
    request.ids_only = true;
    const SearchResult ids = SearchOk(request);
    ASSERT_EQ(full.hits.size(), ids.hits.size()) << query;
    EXPECT_GT(full.hits.size(), 0u) << query;
    EXPECT_EQ(full.total, ids.total) << query;
    for (size_t i = 0; i < full.hits.size(); ++i) {
      EXPECT_EQ(full.hits[i].id, ids.hits[i].id) << query;
      EXPECT_EQ(full.hits[i].rank, ids.hits[i].rank);
      EXPECT_EQ(full.hits[i].score, ids.hits[i].score);
      EXPECT_EQ(full.hits[i].date, ids.hits[i].date);
      EXPECT_FALSE(full.hits[i].title.empty());
      EXPECT_TRUE(ids.hits[i].title.empty());
      EXPECT_TRUE(ids.hits[i].snippet.empty());
    }
  }
}

TEST_F(SearcherTest, PagesAreContiguousWithRanksAcrossPages) {
  SearchRequest request;
  request.limit = 100;
  SearchResult whole = SearchOk(request);
  ASSERT_EQ(9u, whole.hits.size());
  EXPECT_EQ(whole.total, whole.hits.size());
  std::vector<Hit> paged;
  for (uint32_t offset = 0; offset < 12; offset += 4) {
    request.offset = offset;
    request.limit = 4;
    SearchResult page = SearchOk(request);
    EXPECT_EQ(9u, page.total);
    EXPECT_LE(page.hits.size(), 4u);
    for (Hit& hit : page.hits) paged.push_back(std::move(hit));
  }
  ASSERT_EQ(whole.hits.size(), paged.size());
  for (uint32_t i = 0; i < paged.size(); ++i) {
    EXPECT_EQ(whole.hits[i].id, paged[i].id);
    EXPECT_EQ(i + 1, paged[i].rank);
  }
  request.offset = 50;
  EXPECT_TRUE(SearchOk(request).hits.empty());
}

TEST_F(SearcherTest, MalformedRequestsAreInvalidArguments) {
  auto invalid = [&](const SearchRequest& request) {
    StatusOr<SearchResult> result = searcher_->Search(request);
    return !result.ok() && result.status().code() == StatusCode::kInvalidArgument;
  };
  for (const char* bad : {"2019-13", "2019/01/01", "19-01-01", "2019-01-01T00:00", "yesterday",
                          "２０１９-01-01", "2019-1-01 "}) {
    SearchRequest request;
    request.from_date = bad;
    EXPECT_TRUE(invalid(request)) << "from " << bad;
    request.from_date.clear();
    request.to_date = bad;
    EXPECT_TRUE(invalid(request)) << "to " << bad;
  }
  SearchRequest request;
  request.limit = 10001;
  EXPECT_TRUE(invalid(request));
  request.limit = 10000;
  StatusOr<SearchResult> largest = searcher_->Search(request);
  EXPECT_ARCHIVE_OK(largest);
  request.offset = 100001;
  EXPECT_TRUE(invalid(request));
}

TEST_F(SearcherTest, HostileQueriesNeverFail) {
  std::string long_query;
  while (long_query.size() < 10000) long_query += "strike ";
  // clang-format off
  std::vector<std::string> queries = {
      "\"", "\"rent", "(", ")", "AND", "OR", "NOT", "-", "+", "*", "rent*", "title:", "topic:",
      "topic:\"", "city:\"Nowhere\"", "NEAR/3", "a OR OR b", "NOT rent", "-rent",
      "'; DROP TABLE articles; --", "<script>alert(1)</script>", "\xff\xfe\xc3",
      "🚩✊", "مرحبا", "שלום עולם"};
  // clang-format on
  queries.push_back(long_query);
  queries.push_back(std::string(10000, '('));
  queries.push_back(std::string("rent\0strike", 11));
  for (const std::string& query : queries) {
    SearchRequest request;
    request.query = query;
    StatusOr<SearchResult> result = searcher_->Search(request);
    EXPECT_ARCHIVE_OK(result) << "query of " << query.size() << " bytes: " << query.substr(0, 30);
  }
  EXPECT_EQ(std::vector<std::string>{"rent-wins"}, Ids(SearchOk("\"rent control")));
  EXPECT_EQ(8u, SearchOk("NOT sawant").total);
}

TEST_F(SearcherTest, RefreshPicksUpANewCommit) {
  SearchResult before = SearchOk("");
  EXPECT_EQ(generation_, before.generation);
  EXPECT_EQ(revision_, before.revision);
  EXPECT_EQ(1u, before.revision);
  EXPECT_TRUE(SearchOk("picket").hits.empty());
  {
    auto indexer = indexer::Indexer::Open({dir_.path()});
    ASSERT_ARCHIVE_OK(indexer);
    auto added = (*indexer)->Add(Make("picket", "2022-02-02", "Picket line holds",
                                      "Strikers kept the picket line.", {"Labor"}, {"Tacoma"}));
    ASSERT_ARCHIVE_OK(added);
    auto summary = (*indexer)->Commit();
    ASSERT_ARCHIVE_OK(summary);
    EXPECT_EQ(2u, summary->revision);
  }  // the writer goes away before the searcher looks
  ASSERT_ARCHIVE_OK(searcher_->Refresh());
  SearchResult after = SearchOk("picket");
  EXPECT_EQ(std::vector<std::string>{"picket"}, Ids(after));
  EXPECT_EQ(2u, after.revision);
  EXPECT_EQ(generation_, after.generation);
  // The facet table was reloaded with the new document.
  SearchResult browse = SearchOk("");
  EXPECT_EQ(10u, browse.total);
  EXPECT_EQ(1u, Counts(browse, "city")["Tacoma"]);
  EXPECT_EQ("picket", browse.hits[0].id);
  ASSERT_ARCHIVE_OK(searcher_->Refresh());  // nothing new: a no-op
}

TEST_F(SearcherTest, ConcurrentSearchesAgree) {
  const std::vector<std::string> queries = {"strike", "\"rent control\"", "", "nurses", "sawant"};
  std::vector<std::vector<std::string>> expected;
  for (const std::string& query : queries) expected.push_back(Ids(SearchOk(query)));
  std::vector<int> failures(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        size_t q = static_cast<size_t>(t + i) % queries.size();
        SearchRequest request;
        request.query = queries[q];
        StatusOr<SearchResult> result = searcher_->Search(request);
        if (!result.ok() || Ids(*result) != expected[q]) ++failures[static_cast<size_t>(t)];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(std::vector<int>(4, 0), failures);
}

// The indexer stems an article by its language (Spanish for "es"); the query must then
// be stemmed in Spanish for Spanish articles, or "huelga" (Zhuelga in English) would never
// find the article, whose stem is Zhuelg.
TEST(SearcherLanguageTest, FindsSpanishArticlesByTheirWords) {
  test::TempDir dir;
  Article article = Make("huelga", "2020-01-01", "Huelga de inquilinos",
                         "Los inquilinos votaron una huelga de renta.", {}, {});
  article.lang = "es";
  std::unique_ptr<Searcher> searcher;
  ASSERT_NO_FATAL_FAILURE(IndexAndOpen(dir, {article}, searcher));
  for (const char* query : {"huelga", "inquilinos", "title:huelga", "\"huelga de renta\""}) {
    SearchRequest request;
    request.query = query;
    auto result = searcher->Search(request);
    ASSERT_ARCHIVE_OK(result);
    EXPECT_EQ(1u, result->hits.size()) << query;
  }
}

}  // namespace
}  // namespace archive::query

namespace archive::query {
namespace {

// The relevance page comes from passes that let Xapian skip (search_run_page.cc);
// Export walks the full query (boost, date tie-break, collapse). Every page must be the
// matching slice of it: copies collapsed, ties broken by date, title phrases boosted.
TEST(SearcherPageTest, PagesMatchTheFullQueryWithCopiesTiesAndTitlePhrases) {
  test::TempDir dir;
  std::vector<Article> articles;
  {
    auto add = [&](const std::string& date, const std::string& title, const std::string& body) {
      articles.push_back(Make("a" + std::to_string(articles.size()), date, title, body, {}, {}));
    };
    for (int i = 0; i < 12; ++i) {
      const std::string date = "2019-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10);
      // Identical texts on different dates: equal weights, so the date decides.
      add(date, "Tenants meet", "The rent control campaign met again.");
      // A print and a web copy of one article: same title, same month.
      add(date, "Rent control vote " + std::to_string(i), "Council votes on rent control.");
      add(date, "Rent control vote " + std::to_string(i), "Council votes on rent control today.");
      add(date, "Budget", i % 2 ? "Rent rose; control was lost." : "Nothing about it.");
      // Print and web copies of one text: equal weights, a date, one collapse key.
      add(date, "Picket " + std::to_string(i), "The picket line held.");
      add(date, "Picket " + std::to_string(i), "The picket line held.");
    }
    // Title phrases matched by just under and just over the documents the page weighs
    // itself (kMaxBoosted, 200; over it the page is the full query's).
    for (int i = 0; i < 430; ++i) {
      const std::string date = std::to_string(2000 + i % 20) + "-0" + std::to_string(1 + i % 9) +
                               "-2" + std::to_string(i % 8);
      const std::string words = i < 199 ? "Housing rally" : "Transit strike";
      add(date, words + " " + std::to_string(i),
          words + (i % 3 == 0 ? " went on; " + words + " again." : " went on."));
    }
  }
  std::unique_ptr<Searcher> searcher;
  ASSERT_NO_FATAL_FAILURE(IndexAndOpen(dir, articles, searcher));
  for (const char* query : {"rent control", "rent", "control campaign", "council votes rent",
                            "picket", "housing rally", "transit strike"}) {
    SearchRequest request;
    request.query = query;
    std::vector<Hit> all;
    auto exported = searcher->Export(request, [&](const Hit& hit) {
      all.push_back(hit);
      return true;
    });
    ASSERT_ARCHIVE_OK(exported);
    ASSERT_GT(all.size(), 5u) << query;
    for (uint32_t limit : {1u, 3u, 10u}) {
      for (uint32_t offset : {0u, 2u, 7u}) {
        request.limit = limit;
        request.offset = offset;
        auto page = searcher->Search(request);
        ASSERT_ARCHIVE_OK(page);
        const size_t expected =
            std::min<size_t>(limit, all.size() - std::min<size_t>(offset, all.size()));
        ASSERT_EQ(expected, page->hits.size()) << query << " " << limit << " " << offset;
        for (size_t i = 0; i < page->hits.size(); ++i) {
          const Hit& want = all[offset + i];
          EXPECT_EQ(want.id, page->hits[i].id) << query << " " << limit << " " << offset;
          EXPECT_EQ(want.score, page->hits[i].score);
          EXPECT_EQ(want.rank, page->hits[i].rank);
        }
      }
    }
  }
}

}  // namespace
}  // namespace archive::query

namespace archive::query {
namespace {

// A page that has not seen every match knows its total only from the uncollapsed pass;
// with copies collapsed that pass counts each print/web pair twice, so the page may not
// call such a total exact (it did: a one-word query's bounds agree).
TEST(SearcherPageTest, CollapsedTotalIsExactOnlyWhenItIs) {
  test::TempDir dir;
  std::vector<Article> articles;
  for (int i = 0; i < 8; ++i) {
    const std::string date = "2019-0" + std::to_string(1 + i) + "-10";
    const std::string title = "Cooperative " + std::to_string(i);
    // Longer bodies weigh less: distinct weights, so the skipping passes settle the page.
    std::string body = "The cooperative met";
    for (int w = 0; w < i; ++w) body += " again";
    for (const char* copy : {"print", "web"})
      articles.push_back(Make(std::string(copy) + std::to_string(i), date, title, body, {}, {}));
  }
  std::unique_ptr<Searcher> searcher;
  ASSERT_NO_FATAL_FAILURE(IndexAndOpen(dir, articles, searcher));
  for (bool collapse : {true, false}) {
    for (uint32_t limit : {1u, 3u, 20u}) {
      SearchRequest request;
      request.query = "cooperative";
      request.collapse = collapse;
      request.want_facets = false;  // the facet pass counts every document exactly
      request.limit = limit;
      auto page = searcher->Search(request);
      ASSERT_ARCHIVE_OK(page);
      const uint64_t expected = collapse ? 8 : 16;
      EXPECT_EQ(std::min<uint64_t>(limit, expected), page->hits.size());
      if (page->total_is_exact) {
        EXPECT_EQ(expected, page->total) << "collapse " << collapse << " limit " << limit;
      }
      // Without collapsing, Xapian knows a one-word query's count exactly.
      // Every match seen (limit 20), or no collapsing: Xapian knows a one-word count.
      if (!collapse || limit == 20) {
        EXPECT_TRUE(page->total_is_exact) << "collapse " << collapse << " limit " << limit;
      }
    }
  }
}

// A count (--count) is the number of hits an export gives, copies collapsed, and exact:
// Xapian only estimates a collapsed count from a pass that keeps no matches.
TEST(SearcherPageTest, CountIsTheNumberOfHitsCopiesCollapsed) {
  test::TempDir dir;
  std::vector<Article> articles;
  for (int i = 0; i < 300; ++i) {
    const std::string date = std::to_string(2000 + i % 20) + "-0" + std::to_string(1 + i % 9) +
                             "-1" + std::to_string(i % 10);
    const std::string title = "Cooperative " + std::to_string(i);
    const std::string body = i % 2 ? "The cooperative voted." : "The cooperative and the union.";
    // Two of every five are printed and posted: a print and a web copy.
    const int copies = i % 5 < 2 ? 2 : 1;
    for (int copy = 0; copy < copies; ++copy)
      articles.push_back(
          Make((copy ? "web" : "print") + std::to_string(i), date, title, body, {}, {}));
  }
  std::unique_ptr<Searcher> searcher;
  ASSERT_NO_FATAL_FAILURE(IndexAndOpen(dir, articles, searcher));
  for (const char* query : {"cooperative", "union", "voted", "cooperative -union"}) {
    for (bool collapse : {true, false}) {
      SearchRequest request;
      request.query = query;
      request.collapse = collapse;
      uint64_t exported = 0;
      auto summary = searcher->Export(request, [&](const Hit&) {
        ++exported;
        return true;
      });
      ASSERT_ARCHIVE_OK(summary);
      request.count_only = true;
      request.want_facets = false;
      auto count = searcher->Search(request);
      ASSERT_ARCHIVE_OK(count);
      EXPECT_TRUE(count->total_is_exact) << query << " collapse " << collapse;
      EXPECT_EQ(exported, count->total) << query << " collapse " << collapse;
      EXPECT_GT(exported, 100u) << query;
    }
  }
}

}  // namespace
}  // namespace archive::query
