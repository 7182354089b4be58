#include "query/match_set.h"

#include <algorithm>
#include <exception>
#include <optional>

#include "query/docid_range_source.h"
#include "query/helper_thread.h"
#include "query/index_snapshot.h"

namespace archive::query {
namespace {

using Query = Xapian::Query;

// A term's set is kept when at least one document in this many has it: walking a rare
// term's posting list costs less than the bitset's memory is worth.
constexpr Xapian::docid kCachedTermDensity = 64;

// Collects the documents the matcher offers into a DocSet and keeps none of them, so
// Xapian holds no MSet items.
class Collector : public Xapian::MatchDecider {
 public:
  explicit Collector(DocSet& set) : set_(set) {}
  bool operator()(const Xapian::Document& document) const override {
    set_.Insert(document.get_docid());
    return false;
  }

 private:
  DocSet& set_;
};

// Xapian's own matcher over `query` alone, unranked, in docid order: the decider
// collects every match into `set` and keeps none. False when stopped by `time_limit`
// (seconds; 0: none), so that `set` may be incomplete.
bool Collect(const Xapian::Database& db, const Query& query, double time_limit, DocSet& set) {
  Collector collect(set);
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  if (time_limit > 0) enquire.set_time_limit(time_limit);
  const auto started = std::chrono::steady_clock::now();
  enquire.get_mset(0, 0, db.get_doccount(), nullptr, &collect);
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
  return time_limit <= 0 || took.count() < time_limit;
}

// `query` restricted to the multiples of `stride` in [lo, hi): the matcher skips to lo
// and stops at hi.
Query InRange(const Query& query, Xapian::docid lo, Xapian::docid hi, Xapian::docid stride) {
  return Query(Query::OP_FILTER, query, Query((new DocidRangeSource(lo, hi, stride))->release()));
}

bool IsBooleanSkeleton(Query::op type) {
  switch (type) {
    case Query::OP_AND:
    case Query::OP_FILTER:
    case Query::OP_OR:
    case Query::OP_SYNONYM:
    case Query::OP_MAX:
    case Query::OP_AND_NOT:
    case Query::OP_AND_MAYBE:
    case Query::OP_SCALE_WEIGHT:
      return true;
    default:
      return false;
  }
}

}  // namespace

std::string MatchSetKey(const Xapian::Query& query) {
  try {
    std::string key(1, 'Q');  // (not "Q" + ...: GCC 12 warns falsely, -Wrestrict)
    return key.append(query.serialise());
  } catch (const Xapian::UnimplementedError&) {
    return "";
  }
}

std::optional<Xapian::Query> OwnTree(const Xapian::Query& query) {
  try {
    return Xapian::Query::unserialise(query.serialise());
  } catch (const Xapian::UnimplementedError&) {
    return std::nullopt;
  }
}

MatchSetEvaluator::MatchSetEvaluator(const Xapian::Database& db, const Options& options)
    : db_(db),
      options_(options),
      last_docid_(db.get_lastdocid()),
      started_(std::chrono::steady_clock::now()) {}

std::shared_ptr<const DocSet> MatchSetEvaluator::Evaluate(const Xapian::Query& query) {
  stride_ = 1;
  const uint64_t limit = options_.check_limit;
  if (limit > 0) {
    const uint64_t checks = PositionChecks(query);
    if (checks > limit) stride_ = static_cast<Xapian::docid>((checks + limit - 1) / limit);
  }
  const Query::op type = query.get_type();
  if (type == Query::LEAF_TERM || type == Query::LEAF_MATCH_ALL) return Node(query);
  // The whole query is kept too: the same words are asked for again with another page
  // or another facet selection.
  const std::string key = options_.cache != nullptr ? KeyOf(query) : "";
  if (SetPtr set = Cached(key)) return set;
  SetPtr set = Node(query);
  if (set) Keep(key, set);
  return set;
}

MatchSetEvaluator::SetPtr MatchSetEvaluator::Node(const Xapian::Query& query) {
  switch (query.get_type()) {
    case Query::LEAF_TERM:
      return Term(*query.get_terms_begin());
    case Query::LEAF_MATCH_ALL:
      return Term("");  // Xapian's posting list of every document
    case Query::LEAF_MATCH_NOTHING:
      return std::make_shared<const DocSet>(last_docid_);
    default:
      return IsBooleanSkeleton(query.get_type()) ? Combine(query) : Delegate(query);
  }
}

MatchSetEvaluator::SetPtr MatchSetEvaluator::Term(const std::string& term) {
  const auto memo = terms_.find(term);
  if (memo != terms_.end()) return memo->second;
  const std::string key = std::string(1, 'T').append(term);
  SetPtr set = Cached(key);
  if (!set) {
    auto postings = std::make_shared<DocSet>(last_docid_);
    Xapian::doccount count = 0;
    for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term); ++it, ++count)
      postings->Insert(*it);
    set = std::move(postings);
    if (count >= last_docid_ / kCachedTermDensity) Keep(key, set);
  }
  terms_.emplace(term, set);
  return set;
}

MatchSetEvaluator::SetPtr MatchSetEvaluator::Combine(const Xapian::Query& query) {
  const Query::op type = query.get_type();
  const size_t parts = query.get_num_subqueries();
  // AND_MAYBE matches what its first part matches (the rest only adds weight); a scaled
  // query matches what it scales.
  if (parts == 0) return std::make_shared<const DocSet>(last_docid_);
  if (type == Query::OP_AND_MAYBE || type == Query::OP_SCALE_WEIGHT || parts == 1)
    return Node(query.get_subquery(0));
  SetPtr first = Node(query.get_subquery(0));
  if (!first) return nullptr;
  auto set = std::make_shared<DocSet>(*first);
  for (size_t i = 1; i < parts; ++i) {
    SetPtr part = Node(query.get_subquery(i));
    if (!part) return nullptr;
    if (type == Query::OP_AND || type == Query::OP_FILTER) {
      set->IntersectWith(*part);
    } else if (type == Query::OP_AND_NOT) {
      set->Subtract(*part);
    } else {
      set->UniteWith(*part);  // OR, SYNONYM, MAX
    }
  }
  return set;
}

// Xapian's own matcher over the subquery alone; over two threads when it has many
// candidates and a second database of the same revision is at hand.
MatchSetEvaluator::SetPtr MatchSetEvaluator::Delegate(const Xapian::Query& query) {
  const std::string key = options_.cache != nullptr ? KeyOf(query) : "";
  if (SetPtr set = Cached(key)) return set;
  double remaining = 0;
  if (options_.time_limit > 0) {
    const std::chrono::duration<double> spent = std::chrono::steady_clock::now() - started_;
    remaining = options_.time_limit - spent.count();
    if (remaining <= 0) return nullptr;
  }
  ++delegated_;
  std::shared_ptr<DocSet> set;
  const Xapian::docid split = SplitPoint(query);
  std::optional<Query> copy = split != 0 ? OwnTree(query) : std::nullopt;
  std::shared_ptr<Xapian::Database> lent = copy ? LendSameRevision() : nullptr;
  if (lent) {
    ++split_;
    set = RunSplit(query, *copy, split, *lent, remaining);
  } else {
    set = std::make_shared<DocSet>(last_docid_);
    const Query sampled = stride_ > 1 ? InRange(query, 1, last_docid_ + 1, stride_) : query;
    if (!Collect(db_, sampled, remaining, *set)) set = nullptr;
  }
  if (set) Keep(key, set);
  return set;
}

// The fewest documents any of `query`'s words is in: an upper bound of the documents
// Xapian's matcher checks one by one (those with all of them), found without reading a
// posting list; the database's document count when it names none (value ranges,
// wildcards). (Reading the lists for the exact count costs ~25 ns a posting through
// the public API: 18 ms for a common two-word phrase at a million articles.)
uint64_t MatchSetEvaluator::Candidates(const Xapian::Query& query) const {
  uint64_t fewest = db_.get_doccount();
  const auto end = query.get_unique_terms_end();
  for (auto it = query.get_unique_terms_begin(); it != end; ++it) {
    fewest = std::min<uint64_t>(fewest, db_.get_termfreq(*it));
  }
  return fewest;
}

// How many documents Xapian may check the positions of for `query`'s phrases and NEAR
// groups, at most.
uint64_t MatchSetEvaluator::PositionChecks(const Xapian::Query& query) const {
  const Query::op type = query.get_type();
  if (type == Query::OP_PHRASE || type == Query::OP_NEAR) return Candidates(query);
  uint64_t checks = 0;
  for (size_t i = 0; i < query.get_num_subqueries(); ++i) {
    checks += PositionChecks(query.get_subquery(i));
  }
  return checks;
}

// Where the upper part starts, or 0: not worth splitting. The middle docid: the parts
// only balance the work (whatever the split point, their matches are together the
// whole's), and the candidates' median would have to be read first, on the thread that
// waits for the split.
Xapian::docid MatchSetEvaluator::SplitPoint(const Xapian::Query& query) const {
  if (!options_.lend_database || Candidates(query) < options_.split_candidates) return 0;
  return last_docid_ / 2 + 1;
}

// A database of the evaluator's revision (a pooled handle may have been opened after a
// commit: its matches would not be `db_`'s), or null.
std::shared_ptr<Xapian::Database> MatchSetEvaluator::LendSameRevision() const {
  std::shared_ptr<Xapian::Database> lent = options_.lend_database();
  if (!lent || IndexSnapshot::RevisionOf(*lent) != IndexSnapshot::RevisionOf(db_)) return nullptr;
  return lent;
}

// Docids below `split` on this thread with `db_`, the rest on another with `upper_db`
// and `copy` (`query`'s own tree), each part within `time_limit`; null when either part
// was stopped by it.
std::shared_ptr<DocSet> MatchSetEvaluator::RunSplit(const Xapian::Query& query,
                                                    const Xapian::Query& copy, Xapian::docid split,
                                                    const Xapian::Database& upper_db,
                                                    double time_limit) {
  // Both restricted trees are built here, before the other thread starts.
  const Query lower = InRange(query, 1, split, stride_);
  const Query upper = InRange(copy, split, last_docid_ + 1, stride_);
  auto set = std::make_shared<DocSet>(last_docid_);
  DocSet upper_set(last_docid_);
  bool upper_done = false;
  auto run_upper = [&] { upper_done = Collect(upper_db, upper, time_limit, upper_set); };
  HelperThread worker;                        // joined by its destructor if the lower part throws
  if (!worker.Start(run_upper)) run_upper();  // no thread to be had: both parts here
  const bool lower_done = Collect(db_, lower, time_limit, *set);
  worker.Wait();
  if (!lower_done || !upper_done) return nullptr;
  set->UniteWith(upper_set);
  return set;
}

// The cache key of `query`'s set as this evaluation makes it: a sampled set has its own.
std::string MatchSetEvaluator::KeyOf(const Xapian::Query& query) const {
  std::string key = MatchSetKey(query);
  if (stride_ == 1 || key.empty()) return key;
  std::string sampled(1, 'S');  // (not "S" + ...: GCC 12 warns falsely, -Wrestrict)
  return sampled.append(std::to_string(stride_)).append(1, ':').append(key);
}

MatchSetEvaluator::SetPtr MatchSetEvaluator::Cached(const std::string& key) const {
  if (options_.cache == nullptr || key.empty()) return nullptr;
  return options_.cache->Find(key);
}

void MatchSetEvaluator::Keep(const std::string& key, const SetPtr& set) const {
  if (options_.cache == nullptr || key.empty()) return;
  options_.cache->Insert(key, set, options_.cache_bytes);
}

}  // namespace archive::query
