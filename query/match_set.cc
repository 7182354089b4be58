#include "query/match_set.h"

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

MatchSetEvaluator::MatchSetEvaluator(const Xapian::Database& db, const Options& options)
    : db_(db),
      options_(options),
      last_docid_(db.get_lastdocid()),
      started_(std::chrono::steady_clock::now()) {}

std::shared_ptr<const DocSet> MatchSetEvaluator::Evaluate(const Xapian::Query& query) {
  const Query::op type = query.get_type();
  if (type == Query::LEAF_TERM || type == Query::LEAF_MATCH_ALL) return Node(query);
  // The whole query is kept too: the same words are asked for again with another page
  // or another facet selection.
  const std::string key = options_.cache != nullptr ? MatchSetKey(query) : "";
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

// Xapian's own matcher over the subquery alone, unranked, in docid order; the decider
// collects every match and keeps none.
MatchSetEvaluator::SetPtr MatchSetEvaluator::Delegate(const Xapian::Query& query) {
  const std::string key = options_.cache != nullptr ? MatchSetKey(query) : "";
  if (SetPtr set = Cached(key)) return set;
  auto set = std::make_shared<DocSet>(last_docid_);
  Collector collect(*set);
  Xapian::Enquire enquire(db_);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  double remaining = 0;
  if (options_.time_limit > 0) {
    const std::chrono::duration<double> spent = std::chrono::steady_clock::now() - started_;
    remaining = options_.time_limit - spent.count();
    if (remaining <= 0) return nullptr;
    enquire.set_time_limit(remaining);
  }
  const auto started = std::chrono::steady_clock::now();
  ++delegated_;
  enquire.get_mset(0, 0, db_.get_doccount(), nullptr, &collect);
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
  if (remaining > 0 && took.count() >= remaining) return nullptr;  // stopped early
  Keep(key, set);
  return set;
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
