// MatchSetEvaluator: the set of documents a Xapian::Query matches, as a DocSet, for the
// facet pass (which needs every match but no ranking). The boolean skeleton of the query
// (terms, AND, OR, AND_NOT, FILTER, SYNONYM, MAX, AND_MAYBE, SCALE_WEIGHT) is walked here
// with Xapian's public query introspection, from posting lists; every other subquery
// (phrases, NEAR, value ranges, wildcards, posting sources, ELITE_SET, XOR...) is handed
// to Xapian's own matcher on its own, so its meaning is always Xapian's.
//
// Sets worth keeping go into the snapshot's MatchSetCache: frequent terms' posting
// lists, the subqueries Xapian evaluated, the whole query. Module-internal; one evaluator
// per search (it uses the search's borrowed database).
#pragma once

#include <xapian.h>

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "query/doc_set.h"
#include "query/match_set_cache.h"

namespace archive::query {

class MatchSetEvaluator {
 public:
  struct Options {
    // Null: nothing is looked up or kept. REQUIRES: the cache holds sets of `db`'s
    // revision only.
    MatchSetCache* cache = nullptr;
    size_t cache_bytes = 0;  // the cache's bound
    double time_limit = 0;   // seconds for the subqueries Xapian evaluates; 0: none
    // Lends another database of the same index, given back when the pointer is dropped:
    // a subquery Xapian evaluates with many candidates (documents with all its terms,
    // at most as many as its rarest term's) is then split by docid range over two
    // threads, this database serving the upper part.
    // Null, or a database at another revision than `db`: every subquery on one thread.
    std::function<std::shared_ptr<Xapian::Database>()> lend_database = nullptr;
    // Fewer candidates than this: one thread (a thread, a second matcher and the
    // candidates' posting lists cost more than they save; measured, "Sixth round" of
    // docs/query-performance.md). 0: always.
    uint64_t split_candidates = 16384;
    // Phrases and NEAR groups (Xapian checks the positions of every document with all of
    // their words, ~0.6 us each) with more candidates than this in all, each group
    // counted as its rarest word's documents: they are evaluated at every stride()-th
    // docid only, stride = ceil(candidates / limit), for a sampled count. 0: every
    // docid, however many.
    uint64_t check_limit = 0;
  };

  // REQUIRES: `db` outlives the evaluator.
  MatchSetEvaluator(const Xapian::Database& db, const Options& options);

  // `query`'s match set, exact at the docids that are multiples of stride() (elsewhere
  // it may miss the matches of a phrase); null when a subquery handed to Xapian was
  // stopped by the time limit (the set would be incomplete). May throw Xapian::Error.
  std::shared_ptr<const DocSet> Evaluate(const Xapian::Query& query);
  // 1 unless the last Evaluate() met more position checks than Options::check_limit.
  Xapian::docid stride() const { return stride_; }

  // How many subqueries Xapian evaluated (not found in the cache), for tests.
  int delegated() const { return delegated_; }
  // How many of those were split over two threads, for tests.
  int split() const { return split_; }

 private:
  using SetPtr = std::shared_ptr<const DocSet>;
  SetPtr Node(const Xapian::Query& query);
  SetPtr Term(const std::string& term);
  SetPtr Combine(const Xapian::Query& query);
  SetPtr Delegate(const Xapian::Query& query);
  uint64_t PositionChecks(const Xapian::Query& query) const;
  uint64_t Candidates(const Xapian::Query& query) const;
  std::string KeyOf(const Xapian::Query& query) const;
  Xapian::docid SplitPoint(const Xapian::Query& query) const;
  std::shared_ptr<Xapian::Database> LendSameRevision() const;
  std::shared_ptr<DocSet> RunSplit(const Xapian::Query& query, const Xapian::Query& copy,
                                   Xapian::docid split, const Xapian::Database& upper_db,
                                   double time_limit);
  SetPtr Cached(const std::string& key) const;
  void Keep(const std::string& key, const SetPtr& set) const;

  const Xapian::Database& db_;
  const Options options_;
  const Xapian::docid last_docid_;
  const std::chrono::steady_clock::time_point started_;
  std::map<std::string, SetPtr> terms_;  // this evaluation's terms, cached or not
  Xapian::docid stride_ = 1;
  int delegated_ = 0;
  int split_ = 0;
};

// A query's cache key, or "" when it cannot be serialised (a posting source without a
// registered name): such a query is evaluated every time.
std::string MatchSetKey(const Xapian::Query& query);

// A copy of `query` that shares no node with it, for another thread (copies of a
// Xapian::Query share their nodes and count references without atomics); nullopt when
// it cannot be serialised (a posting source without a registered name).
std::optional<Xapian::Query> OwnTree(const Xapian::Query& query);

}  // namespace archive::query
