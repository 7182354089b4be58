// The match-set evaluator against Xapian's own match set, on a real index of the
// generated archive (with deleted documents, so docids have gaps): for the query shapes
// the searcher builds (words, OR, NOT, phrases, fields, ranges, wildcards, synonyms, long
// relaxed queries, filters) and for hand-made trees of every operator, the docids must be
// exactly those Xapian's matcher returns, with and without the cache.
#include "query/match_set.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "core/analyzer.h"
#include "core/index_layout.h"
#include "core/schema.h"
#include "corpus/sample_generator.h"
#include "indexer/indexer.h"
#include "query/query_builder.h"
#include "query/synonyms.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"

namespace archive::query {
namespace {

using Query = Xapian::Query;

std::vector<Xapian::docid> XapianMatches(const Xapian::Database& db, const Query& query) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  std::vector<Xapian::docid> docids;
  const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
  for (auto it = mset.begin(); it != mset.end(); ++it) docids.push_back(*it);
  return docids;
}

std::vector<Xapian::docid> Docids(const DocSet& set) {
  std::vector<Xapian::docid> docids;
  set.ForEach([&docids](Xapian::docid docid) { docids.push_back(docid); });
  return docids;
}

class MatchSetTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::TempDir();
    auto indexer = indexer::Indexer::Open({dir_->path()});
    ASSERT_ARCHIVE_OK(indexer);
    corpus::SampleGenerator generator({7, 600, false});
    Article article;
    int n = 0;
    std::vector<std::string> deleted;
    while (generator.Next(&article)) {
      if (++n % 7 == 0) deleted.push_back(article.id);
      ASSERT_ARCHIVE_OK((*indexer)->Add(article));
    }
    ASSERT_ARCHIVE_OK((*indexer)->Commit());
    for (const std::string& id : deleted) ASSERT_ARCHIVE_OK((*indexer)->Delete(id));
    ASSERT_ARCHIVE_OK((*indexer)->Commit());
    indexer->reset();
    auto generation = index_layout::ReadCurrent(dir_->path());
    ASSERT_ARCHIVE_OK(generation);
    auto analyzer = Analyzer::Create();
    ASSERT_ARCHIVE_OK(analyzer);
    analyzer_ = new Analyzer(std::move(*analyzer));
    db_path_ = new std::string(index_layout::XapianPath(dir_->path(), **generation));
    db_ = new Xapian::Database(*db_path_);
    ASSERT_LT(db_->get_doccount(), db_->get_lastdocid());  // gaps, as after deletions
  }
  static void TearDownTestSuite() {
    delete db_;
    delete db_path_;
    delete analyzer_;
    delete dir_;
  }

  // `query`'s set from a fresh evaluator, from one with an empty cache, and again from the
  // filled cache: each must be Xapian's match set.
  // Returns how many documents match.
  static size_t ExpectXapianSet(const Query& query) {
    SCOPED_TRACE(query.get_description());
    const std::vector<Xapian::docid> want = XapianMatches(*db_, query);
    auto uncached = MatchSetEvaluator(*db_, {}).Evaluate(query);
    EXPECT_NE(nullptr, uncached);
    if (uncached) {
      EXPECT_EQ(want, Docids(*uncached));
    }
    MatchSetCache cache;
    const MatchSetEvaluator::Options options{.cache = &cache, .cache_bytes = size_t{64} << 20};
    for (int pass = 0; pass < 2; ++pass) {
      auto set = MatchSetEvaluator(*db_, options).Evaluate(query);
      EXPECT_NE(nullptr, set);
      if (set) {
        EXPECT_EQ(want, Docids(*set)) << "pass " << pass;
      }
    }
    // Every subquery Xapian evaluates split over two threads.
    auto split = MatchSetEvaluator(*db_, Splitting(0)).Evaluate(query);
    EXPECT_NE(nullptr, split);
    if (split) {
      EXPECT_EQ(want, Docids(*split)) << "split";
    }
    return want.size();
  }

  // Splits subqueries with at least `threshold` candidates, with another handle on the
  // same index.
  static MatchSetEvaluator::Options Splitting(uint64_t threshold) {
    MatchSetEvaluator::Options options;
    options.lend_database = [] { return std::make_shared<Xapian::Database>(*db_path_); };
    options.split_candidates = threshold;
    return options;
  }

  static Query Build(const std::string& text, TextMode mode = {}) {
    QueryBuilder builder(*analyzer_, *db_, &Synonyms::BuiltIn());
    return builder.BuildText(text, mode);
  }

  static test::TempDir* dir_;
  static Xapian::Database* db_;
  static std::string* db_path_;
  static Analyzer* analyzer_;
};

test::TempDir* MatchSetTest::dir_ = nullptr;
Xapian::Database* MatchSetTest::db_ = nullptr;
std::string* MatchSetTest::db_path_ = nullptr;
Analyzer* MatchSetTest::analyzer_ = nullptr;

TEST_F(MatchSetTest, TheSearchersQueriesMatchWhatXapianMatches) {
  const char* texts[] = {"",
                         "workers",
                         "rent OR strike",
                         "union -police",
                         "-police",
                         "\"minimum wage\"",
                         "\"the union\" strike",
                         "title:union",
                         "author:garcia",
                         "topic:\"Labor\"",
                         "city:Seattle",
                         "year:2015..2016",
                         "2015-01-01..2016-06-30",
                         "wor*",
                         "s*",
                         "AOC",
                         "BLM rally",
                         "minimum wage",
                         "workers union strike rent police city",
                         "rent NEAR/3 strike",
                         "rent XOR strike",
                         "(rent OR housing) AND NOT tenants",
                         "nosuchwordanywhere",
                         "tenants housing rent eviction landlord council vote protest march union"};
  int some = 0;  // queries that match some documents but not all
  for (const char* text : texts) {
    for (TextMode mode : {TextMode{}, TextMode{.strict = true}, TextMode{.any_word = true}}) {
      const size_t matches = ExpectXapianSet(Build(text, mode));
      if (matches > 0 && matches < db_->get_doccount()) ++some;
    }
  }
  EXPECT_GT(some, 50);
}

TEST_F(MatchSetTest, FiltersAndFacetSelectionsMatchWhatXapianMatches) {
  QueryBuilder builder(*analyzer_, *db_, &Synonyms::BuiltIn());
  SearchRequest request;
  request.from_date = "2014-03-01";
  request.to_date = "2015-12-31";
  request.issue_from = 3;
  request.curated_topics_only = true;
  request.topics = {"Labor", "Housing"};
  request.cities = {"Seattle"};
  for (const char* text : {"workers", "\"minimum wage\"", ""}) {
    const Query base = builder.AddFilters(builder.BuildText(text), request);
    EXPECT_GT(ExpectXapianSet(base), 0u);
    ExpectXapianSet(builder.AddFacetFilters(base, request));
  }
  request.kinds = {"issue"};
  ExpectXapianSet(builder.AddFilters(builder.BuildText("workers"), request));
}

TEST_F(MatchSetTest, EveryOperatorMatchesWhatXapianMatches) {
  const Query rent("Zrent"), strike("Zstrike"), union_("Zunion"), all = MatchAllQuery();
  const std::vector<Query> pair = {rent, strike};
  std::vector<Query> queries = {
      Query(Query::OP_AND, rent, strike),
      Query(Query::OP_OR, rent, strike),
      Query(Query::OP_AND_NOT, rent, strike),
      Query(Query::OP_AND_NOT, all, Query(Query::OP_OR, rent, union_)),
      Query(Query::OP_FILTER, union_, Query(Query::OP_OR, rent, strike)),
      Query(Query::OP_AND_MAYBE, rent, strike),
      Query(Query::OP_XOR, rent, strike),
      Query(Query::OP_SYNONYM, pair.begin(), pair.end()),
      Query(Query::OP_MAX, pair.begin(), pair.end()),
      Query(Query::OP_ELITE_SET, pair.begin(), pair.end(), 1),
      Query(Query::OP_NEAR, pair.begin(), pair.end(), 8),
      Query(Query::OP_PHRASE, pair.begin(), pair.end(), 3),
      Query(Query::OP_SCALE_WEIGHT, Query(Query::OP_AND, rent, union_), 0.0),
      Query(Query::OP_VALUE_GE, schema::kDateSlot, "2015"),
      Query(Query::OP_WILDCARD, "Zstr"),
      Query((new Xapian::FixedWeightPostingSource(2.0))->release()),
      Query(Query::OP_AND, Query((new Xapian::FixedWeightPostingSource(2.0))->release()), rent),
      Query::MatchNothing,
      Query(Query::OP_OR, Query::MatchNothing, rent),
      Query("no-such-term"),
      all};
  // Nested: a delegated subquery inside the skeleton inside a delegated one.
  queries.push_back(Query(Query::OP_AND_NOT, Query(Query::OP_OR, queries[11], queries[6]),
                          Query(Query::OP_XOR, queries[2], union_)));
  int some = 0;
  for (const Query& query : queries) {
    const size_t matches = ExpectXapianSet(query);
    if (matches > 0 && matches < db_->get_doccount()) ++some;
  }
  EXPECT_GT(some, 15);
}

TEST_F(MatchSetTest, SubqueriesXapianEvaluatedComeFromTheCacheTheSecondTime) {
  MatchSetCache cache;
  const MatchSetEvaluator::Options options{.cache = &cache, .cache_bytes = size_t{64} << 20};
  const Query phrase = Build("\"minimum wage\"");
  const Query text(Query::OP_AND_NOT, phrase, Query("Zpolice"));
  MatchSetEvaluator first(*db_, options);
  ASSERT_NE(nullptr, first.Evaluate(text));
  EXPECT_EQ(1, first.delegated());
  // Another query with the same phrase: the phrase's set is cached.
  MatchSetEvaluator second(*db_, options);
  ASSERT_NE(nullptr, second.Evaluate(Query(Query::OP_AND, phrase, Query("Zunion"))));
  EXPECT_EQ(0, second.delegated());
  EXPECT_GT(cache.size(), 1u);
}

TEST_F(MatchSetTest, TheCacheKeepsToItsBound) {
  MatchSetCache cache;
  const size_t set_bytes = DocSet(db_->get_lastdocid()).bytes();
  const size_t bound = 3 * set_bytes + 1000;  // three sets and their keys
  for (const char* word : {"workers", "union", "rent", "strike", "police", "city"}) {
    MatchSetEvaluator evaluator(*db_, {.cache = &cache, .cache_bytes = bound});
    ASSERT_NE(nullptr, evaluator.Evaluate(Query(Query::OP_OR, Query::MatchNothing,
                                                Query(std::string("Z") + word))));
    EXPECT_LE(cache.bytes(), bound);
  }
  EXPECT_GE(cache.size(), 2u);
  EXPECT_LE(cache.size(), 3u);
}

TEST_F(MatchSetTest, SplitSubqueriesMatchWhatXapianMatchesAtEveryThreshold) {
  const Query rent("Zrent"), strike("Zstrike");
  const std::vector<Query> pair = {rent, strike};
  const std::vector<Query> queries = {
      Build("\"minimum wage\""),
      Build("\"the union\" strike"),
      Query(Query::OP_NEAR, pair.begin(), pair.end(), 8),
      Query(Query::OP_PHRASE, pair.begin(), pair.end(), 3),
      Build("year:2015..2016"),
      Query(Query::OP_VALUE_GE, schema::kDateSlot, "2015"),
      Query(Query::OP_WILDCARD, "Zstr"),
      Build("s*"),
      Query(Query::OP_AND, Query((new Xapian::FixedWeightPostingSource(2.0))->release()), rent)};
  for (uint64_t threshold :
       {uint64_t{0}, uint64_t{1}, uint64_t{20}, uint64_t{200}, uint64_t{1} << 40}) {
    int split = 0;
    for (const Query& query : queries) {
      SCOPED_TRACE(query.get_description() + " at " + std::to_string(threshold));
      MatchSetEvaluator evaluator(*db_, Splitting(threshold));
      auto set = evaluator.Evaluate(query);
      ASSERT_NE(nullptr, set);
      EXPECT_EQ(XapianMatches(*db_, query), Docids(*set));
      split += evaluator.split();
    }
    if (threshold == 0) {
      EXPECT_GE(split, static_cast<int>(queries.size()) - 1);
    }
    if (threshold == uint64_t{1} << 40) {
      EXPECT_EQ(0, split);
    }
  }
}

TEST_F(MatchSetTest, NeitherWithoutALenderNorWithADatabaseAtAnotherRevision) {
  const Query phrase = Build("\"minimum wage\"");
  MatchSetEvaluator alone(*db_, {.split_candidates = 0});
  ASSERT_NE(nullptr, alone.Evaluate(phrase));
  EXPECT_EQ(0, alone.split());
  // An empty database at another revision: splitting with it would lose the upper part.
  test::TempDir other;
  {
    Xapian::WritableDatabase writer(other.path(), Xapian::DB_CREATE_OR_OPEN);
    writer.set_metadata(std::string(schema::kRevisionKey), "987654");
    writer.commit();
  }
  MatchSetEvaluator::Options options = Splitting(0);
  options.lend_database = [&other] { return std::make_shared<Xapian::Database>(other.path()); };
  MatchSetEvaluator evaluator(*db_, options);
  auto set = evaluator.Evaluate(phrase);
  ASSERT_NE(nullptr, set);
  EXPECT_EQ(0, evaluator.split());
  EXPECT_EQ(XapianMatches(*db_, phrase), Docids(*set));
  // The same index, by contrast, is split.
  MatchSetEvaluator same(*db_, Splitting(0));
  ASSERT_NE(nullptr, same.Evaluate(phrase));
  EXPECT_EQ(1, same.split());
}

std::vector<Xapian::docid> Multiples(const std::vector<Xapian::docid>& docids,
                                     Xapian::docid stride) {
  std::vector<Xapian::docid> kept;
  for (Xapian::docid docid : docids) {
    if (docid % stride == 0) kept.push_back(docid);
  }
  return kept;
}

// Beyond the check limit, the phrases and NEAR groups are evaluated at every n-th docid,
// n = ceil(candidates / limit), each group counting as many candidates as its rarest
// word has documents. At those docids
// the set is exactly Xapian's, alone, split, and from a cache that also holds the whole
// sets; a group alone has no match elsewhere (its positions were not read there).
TEST_F(MatchSetTest, PositionChecksBeyondTheLimitAreSampledAtAStride) {
  const Query rent("rent"), strike("strike"), union_("Zunion"), police("Zpolice");
  const std::vector<Query> words = {rent, strike};
  const Query near(Query::OP_NEAR, words.begin(), words.end(), 8);
  const Query phrase = Build("\"minimum wage\"");
  // Each query with its positional groups.
  const std::vector<std::pair<Query, std::vector<Query>>> cases = {
      {phrase, {phrase}},
      {near, {near}},
      {Query(Query::OP_AND_NOT, Query(Query::OP_OR, phrase, union_), police), {phrase}},
      {Query(Query::OP_OR, phrase, near), {phrase, near}},
      {Query(Query::OP_AND, Query(Query::OP_XOR, near, union_), police), {near}},
      {Query(Query::OP_OR, union_, police), {}}};
  auto candidates = [](const Query& group) {
    Xapian::doccount fewest = db_->get_doccount();
    for (auto it = group.get_unique_terms_begin(); it != group.get_unique_terms_end(); ++it)
      fewest = std::min(fewest, db_->get_termfreq(*it));
    return uint64_t{fewest};
  };
  MatchSetCache cache;
  int sampled = 0;
  for (uint64_t limit : {uint64_t{1}, uint64_t{7}, uint64_t{40}, uint64_t{1} << 40}) {
    for (const auto& [query, groups] : cases) {
      SCOPED_TRACE(query.get_description() + " limit " + std::to_string(limit));
      uint64_t checks = 0;
      for (const Query& group : groups) checks += candidates(group);
      const auto stride =
          static_cast<Xapian::docid>(checks > limit ? (checks + limit - 1) / limit : 1);
      if (stride > 1) ++sampled;
      const std::vector<Xapian::docid> want = Multiples(XapianMatches(*db_, query), stride);
      MatchSetEvaluator::Options options = Splitting(0);
      options.check_limit = limit;
      for (MatchSetEvaluator::Options variant :
           {MatchSetEvaluator::Options{.check_limit = limit}, options,
            MatchSetEvaluator::Options{
                .cache = &cache, .cache_bytes = size_t{64} << 20, .check_limit = limit}}) {
        SCOPED_TRACE(variant.cache ? "cached" : variant.lend_database ? "split" : "alone");
        MatchSetEvaluator evaluator(*db_, variant);
        auto set = evaluator.Evaluate(query);
        ASSERT_NE(nullptr, set);
        EXPECT_EQ(stride, evaluator.stride());
        EXPECT_EQ(want, Multiples(Docids(*set), stride));
        // A group alone was checked at those docids only.
        if (groups.size() == 1 && groups[0].get_description() == query.get_description()) {
          EXPECT_EQ(want, Docids(*set));
        }
      }
      // The cache's sampled sets are not another evaluation's whole ones.
      auto whole = MatchSetEvaluator(*db_, {.cache = &cache, .cache_bytes = size_t{64} << 20})
                       .Evaluate(query);
      ASSERT_NE(nullptr, whole);
      EXPECT_EQ(XapianMatches(*db_, query), Docids(*whole));
    }
  }
  EXPECT_GE(sampled, 10);
}

TEST_F(MatchSetTest, NthCountsMembersInOrder) {
  DocSet set(300);
  for (Xapian::docid docid : {3u, 64u, 65u, 200u, 300u}) set.Insert(docid);
  EXPECT_EQ(3u, set.Nth(0));
  EXPECT_EQ(64u, set.Nth(1));
  EXPECT_EQ(65u, set.Nth(2));
  EXPECT_EQ(200u, set.Nth(3));
  EXPECT_EQ(300u, set.Nth(4));
  EXPECT_EQ(0u, set.Nth(5));
}

}  // namespace
}  // namespace archive::query
