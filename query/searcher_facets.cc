// Facet counting. First choice: the match set without facet selections as a bitset
// (query/match_set.h: posting lists combined word by word, phrases and the like by
// Xapian's matcher, frequent sets kept per snapshot), then each match's facet ids read
// from the snapshot's FacetTable. That costs a few array reads per match, where Xapian's
// matcher costs a few hundred nanoseconds (its postlist tree, a Document per match).
// Fallback, and what a time-limited evaluation falls back to: one unranked pass of
// Xapian's matcher in docid order with BoolWeight (no BM25 for any match), where a
// MatchDecider counts each document's facet ids and rejects it, so the matcher keeps no
// MSet items.
#include <algorithm>
#include <array>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>

#include "query/facet_table.h"
#include "query/match_set.h"
#include "query/search_run.h"
#include "query/shard_facets.h"

namespace archive::query {
namespace {

// The facets a request can select values of (the others filter by ranges, if at all).
constexpr std::array<Facet, 3> kSelectable = {Facet::kTopic, Facet::kCity, Facet::kAuthor};

const std::vector<std::string>& Selection(const SearchRequest& request, Facet facet) {
  static const std::vector<std::string> kNone;
  switch (facet) {
    case Facet::kTopic:
      return request.topics;
    case Facet::kCity:
      return request.cities;
    case Facet::kAuthor:
      return request.authors;
    default:
      return kNone;
  }
}

std::vector<FacetCount> TopCounts(const FacetTable& table, Facet facet,
                                  const std::vector<uint64_t>& counts, double scale,
                                  uint32_t limit) {
  std::vector<FacetCount> out;
  for (uint32_t id = 0; id < counts.size(); ++id) {
    if (counts[id] > 0) {
      const auto scaled = static_cast<uint64_t>(static_cast<double>(counts[id]) * scale + 0.5);
      out.push_back({table.Name(facet, id), scaled});
    }
  }
  std::sort(out.begin(), out.end(), [](const FacetCount& a, const FacetCount& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

// Counts the facet values of every `step`-th candidate (by docid) and keeps none of them.
// Disjunctive: a document counts towards a facet's values when it passes every OTHER
// facet's selection, and towards the total when it passes all of them.
class FacetCounter : public Xapian::MatchDecider {
 public:
  FacetCounter(const FacetTable& table, const SearchRequest& request, const Analyzer& analyzer,
               Xapian::docid step)
      : table_(table), step_(step) {
    for (const std::string& name : request.facet_names) wanted_.push_back(*FacetByName(name));
    for (Facet facet : wanted_) counts_[Index(facet)].assign(table.ValueCount(facet), 0);
    for (Facet facet : kSelectable) {
      const std::vector<std::string>& values = Selection(request, facet);
      if (values.empty()) continue;
      // A value no document has selects nothing: the facet is active with no ids.
      selections_.push_back({facet, std::vector<bool>(table.ValueCount(facet), false)});
      for (const std::string& value : values) {
        const int64_t id = table.IdOf(facet, analyzer.Fold(value));
        if (id >= 0) selections_.back().selected[static_cast<size_t>(id)] = true;
      }
    }
  }

  bool operator()(const Xapian::Document& document) const override {
    Visit(document.get_docid());
    return false;
  }

  void Visit(Xapian::docid docid) const {
    ++seen_;
    if (step_ > 1 && docid % step_ != 0) return;
    // Which selections this document fails: at most one may fail for it to count anywhere.
    int failed = -1;
    for (size_t s = 0; s < selections_.size(); ++s) {
      if (Passes(docid, selections_[s])) continue;
      if (failed >= 0) return;
      failed = static_cast<int>(s);
    }
    for (Facet facet : wanted_) {
      if (failed >= 0 && selections_[static_cast<size_t>(failed)].facet != facet) continue;
      std::vector<uint64_t>& counts = counts_[Index(facet)];
      for (uint32_t id : table_.ValuesOf(docid, facet)) ++counts[id];
    }
    if (failed < 0) ++total_;
  }

  const std::vector<Facet>& wanted() const { return wanted_; }
  const std::vector<uint64_t>& counts(Facet facet) const { return counts_[Index(facet)]; }
  uint64_t total() const { return total_; }
  uint64_t seen() const { return seen_; }

 private:
  struct Selected {
    Facet facet;
    std::vector<bool> selected;  // by value id
  };
  static size_t Index(Facet facet) { return static_cast<size_t>(facet); }

  bool Passes(Xapian::docid docid, const Selected& selection) const {
    for (uint32_t id : table_.ValuesOf(docid, selection.facet)) {
      if (selection.selected[id]) return true;
    }
    return false;
  }

  const FacetTable& table_;
  const Xapian::docid step_;
  std::vector<Facet> wanted_;
  std::vector<Selected> selections_;
  mutable std::array<std::vector<uint64_t>, kFacetCount> counts_;
  mutable uint64_t total_ = 0;
  mutable uint64_t seen_ = 0;
};

Xapian::Enquire UnrankedEnquire(const SearchContext& context, const Xapian::Query& base) {
  Xapian::Enquire enquire(context.db);
  enquire.set_query(base);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  return enquire;
}

// Xapian's estimate of the match set's size, exact up to `limit`: it decides the
// matcher path's sampling step beyond the limit.
uint64_t ProbeMatches(const SearchContext& context, const Xapian::Query& base, uint64_t limit) {
  const auto check =
      static_cast<Xapian::doccount>(std::min<uint64_t>(context.db.get_doccount(), limit + 1));
  return UnrankedEnquire(context, base).get_mset(0, 0, check).get_matches_estimated();
}

uint64_t SamplingStep(uint64_t matches, uint64_t limit) {
  return matches > limit && limit > 0 ? (matches + limit - 1) / limit : 1;
}

void Report(const FacetTable& table, const SearchRequest& request, const FacetCounter& counter,
            double scale, bool exact, SearchResult& result) {
  if (exact) {
    result.total = counter.total();
    result.total_is_exact = true;
  }
  for (Facet facet : counter.wanted()) {
    const char* name = FacetName(facet);
    result.facets[name] =
        TopCounts(table, facet, counter.counts(facet), scale, request.facet_limit);
    if (!exact) result.estimated_facets.push_back(name);
  }
}

// Borrows a database of `snapshot`'s pool at the snapshot's revision (null when the pool
// has none), returned to it when the last copy of the pointer is dropped.
// REQUIRES: `snapshot` outlives the pointers.
std::function<std::shared_ptr<Xapian::Database>()> LendFrom(const IndexSnapshot& snapshot) {
  return [&snapshot]() -> std::shared_ptr<Xapian::Database> {
    std::unique_ptr<Xapian::Database> db = snapshot.BorrowSameRevision();
    if (!db) return nullptr;
    return std::shared_ptr<Xapian::Database>(db.release(), [&snapshot](Xapian::Database* lent) {
      snapshot.Return(std::unique_ptr<Xapian::Database>(lent));
    });
  };
}

// The match set as a bitset, exact at the multiples of `stride` (see MatchSetEvaluator).
struct SampledSet {
  std::shared_ptr<const DocSet> set;  // null when a part Xapian evaluates outlasted the limit
  Xapian::docid stride = 1;
};

SampledSet MatchSet(const SearchContext& context, const SearchRequest& request,
                    const Xapian::Query& base, double time_limit) {
  MatchSetEvaluator::Options options;
  options.time_limit = time_limit;
  options.check_limit = request.facet_check_limit;
  // context.db is at the snapshot's revision (SearchContext), so its sets may join the
  // snapshot's cached ones.
  if (context.options.match_set_cache_bytes > 0) {
    options.cache = &context.snapshot.match_sets();
    options.cache_bytes = context.options.match_set_cache_bytes;
  }
  if (context.options.parallel_delegation && context.spare_core)
    options.lend_database = LendFrom(context.snapshot);
  MatchSetEvaluator evaluator(context.db, options);
  std::shared_ptr<const DocSet> set = evaluator.Evaluate(base);
  return {std::move(set), evaluator.stride()};
}

// Every n-th docid is counted: n = 1 up to the exact limit, beyond it n from the set's
// size (the matcher path must ask Xapian for an estimate, a second pass over up to
// limit + 1 matches: at a million articles the larger part of a sampled phrase). A set
// sampled for its position checks is counted at its stride or a multiple of it, from
// the size its sample implies.
uint64_t CountingStep(const SampledSet& sampled, uint64_t limit) {
  if (sampled.stride == 1) return SamplingStep(sampled.set->Count(), limit);
  const uint64_t stride = sampled.stride;
  uint64_t members = 0;
  sampled.set->ForEach([&](Xapian::docid docid) { members += docid % stride == 0 ? 1 : 0; });
  const uint64_t step = SamplingStep(members * stride, limit);
  return std::max(stride, (step + stride - 1) / stride * stride);
}

void CountOverSet(const SearchContext& context, const SearchRequest& request,
                  const SampledSet& sampled, SearchResult& result) {
  const FacetTable& table = context.snapshot.facets();
  const uint64_t step = CountingStep(sampled, request.facet_exact_limit);
  FacetCounter counter(table, request, context.analyzer, static_cast<Xapian::docid>(step));
  sampled.set->ForEach([&counter](Xapian::docid docid) { counter.Visit(docid); });
  Report(table, request, counter, static_cast<double>(step), step == 1, result);
}

void CountByMatcher(const SearchContext& context, const SearchRequest& request,
                    const Xapian::Query& base, std::optional<uint64_t> matches_upper_bound,
                    double time_limit, SearchResult& result) {
  const FacetTable& table = context.snapshot.facets();
  Xapian::Enquire enquire = UnrankedEnquire(context, base);
  const uint64_t limit = request.facet_exact_limit;
  // Exact up to the limit. A known upper bound (the ranked pass's, over the same match
  // set) usually settles it; otherwise a probe that stops one past the limit tells.
  uint64_t matches = matches_upper_bound.value_or(UINT64_MAX);
  if (matches > limit) matches = ProbeMatches(context, base, limit);
  const uint64_t step = SamplingStep(matches, limit);
  FacetCounter counter(table, request, context.analyzer, static_cast<Xapian::docid>(step));
  // A pathological match set (a wildcard over everything) stops at the time limit: the
  // counts are then scaled up from the documents seen and marked estimated.
  if (time_limit > 0) enquire.set_time_limit(time_limit);
  const auto started = std::chrono::steady_clock::now();
  enquire.get_mset(0, 0, context.db.get_doccount(), nullptr, &counter);
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  double scale = static_cast<double>(step);
  bool exact = step == 1;
  if (time_limit > 0 && elapsed >= time_limit && counter.seen() > 0) {
    // The decider rejected everything, so this pass's own estimate says 0: ask anew.
    enquire.set_time_limit(0);
    const uint64_t estimated =
        std::max<uint64_t>(enquire.get_mset(0, 0).get_matches_estimated(), counter.seen());
    if (estimated > counter.seen()) {
      scale *= static_cast<double>(estimated) / static_cast<double>(counter.seen());
      exact = false;
    }
  }
  Report(table, request, counter, scale, exact, result);
}

}  // namespace

void CountFacets(const SearchContext& context, const SearchRequest& request,
                 const Xapian::Query& base, std::optional<uint64_t> matches_upper_bound,
                 double time_limit, SearchResult& result) {
  if (context.snapshot.sharded()) {  // a remote shard cannot run the decider below
    CountShardFacets(context, request, base, result);
    return;
  }
  const auto started = std::chrono::steady_clock::now();
  if (context.options.match_set_facets) {
    const SampledSet sampled = MatchSet(context, request, base, time_limit);
    if (sampled.set) {
      CountOverSet(context, request, sampled, result);
      return;
    }
  }
  // The matcher gets what is left of the budget (some, so that it counts something).
  double left = time_limit;
  if (time_limit > 0) {
    const std::chrono::duration<double> spent = std::chrono::steady_clock::now() - started;
    left = std::max(0.01, time_limit - spent.count());
  }
  CountByMatcher(context, request, base, matches_upper_bound, left, result);
}

}  // namespace archive::query
