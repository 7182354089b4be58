// The ranked page without the features that keep Xapian from skipping. A relevance
// ranking asks for three things that each defeat the matcher's max-weight skipping: the
// title-phrase boost (an OP_AND_MAYBE branch with a large maximum weight: hardly any
// candidate can be ruled out), the date tie-break (sort by relevance then value) and the
// collapse key. Profiled at 100,000 articles they made the ranked pass the largest part
// of a query. Here the page is assembled from two cheap passes instead:
//
//   B: the text query alone, relevance only, no collapse, a few more hits than the page;
//   A: only the documents that match the title phrase, with the boost (a small set: the
//      phrase's words all in one title), found unranked in docid order, which stops at
//      the 200th, then weighed over those documents only.
//
// A document's weight under the boosted query is its weight in A when it is in A, else
// its weight in B (the optional branch adds nothing to it). So every document heavier
// than B's lightest hit is known with its true weight; sorted by weight, then date
// (newest first), then docid, and collapsed, they give exactly the page the full query
// would. When that prefix is too short (many copies collapsed, ties at the edge of B, A
// cut off), the caller falls back to the full query.
//
// Ties at the edge of B without a title phrase (a word in every article's boilerplate:
// thousands of documents of one weight, which the date orders) have a pass of their
// own: the text query sorted as the full query sorts (weight, then date), collapsed
// here. The collapse key is what makes the full query costly there: at a million
// articles, 40-52 ms against 22-26 for the sorted pass (B alone: 14).
#include <algorithm>
#include <chrono>
#include <limits>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/schema.h"
#include "query/docid_list_source.h"
#include "query/search_run.h"

namespace archive::query {
namespace {

// Phrase matches beyond this many: the full query (A must hold them all).
constexpr Xapian::doccount kMaxBoosted = 200;

}  // namespace

bool SearchRun::RanksByRelevance() const {
  if (request_.sort != SortOrder::kRelevance) return false;
  return request_.query.find_first_not_of(" \t\r\n") != std::string::npos ||
         !request_.like_id.empty();
}

Xapian::Enquire SearchRun::PlainEnquire(const Xapian::Query& query) const {
  Xapian::Enquire enquire(context_.db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(
      Xapian::BM25Weight(context_.options.bm25_k1, 0, 1, context_.options.bm25_b, 0.5));
  enquire.set_time_limit(context_.options.match_time_limit_s);
  return enquire;
}

// Every match of `query` in docid order, no weights, within the match time limit.
Xapian::Enquire SearchRun::UnrankedEnquire(const Xapian::Query& query) const {
  Xapian::Enquire enquire(context_.db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  enquire.set_time_limit(context_.options.match_time_limit_s);
  return enquire;
}

std::optional<SearchRun::Page> SearchRun::FastPage() const {
  const uint64_t wanted = uint64_t{request_.offset} + request_.limit;
  // A few spare hits for copies collapsed away and for the tie check at the edge.
  const auto fetch = static_cast<Xapian::doccount>(wanted + request_.limit + 1);
  std::unordered_map<Xapian::docid, double> weights;
  if (!boost_.empty()) {
    const Xapian::Query boosted(Xapian::Query::OP_AND_MAYBE, full_, boost_);
    const Xapian::Query only_phrase(Xapian::Query::OP_FILTER, boosted, boost_);
    Xapian::Query weighed = only_phrase;
    // One database: the matches found unranked first (a posting source sees a shard's own
    // docids, and a remote shard cannot take one).
    if (!context_.snapshot.sharded()) {
      const std::optional<std::vector<Xapian::docid>> matches = FewMatches(only_phrase);
      if (!matches) return std::nullopt;
      weighed = InDocidList(only_phrase, *matches);
    }
    const Xapian::MSet a = PlainEnquire(weighed).get_mset(0, kMaxBoosted);
    // Every phrase match, or nothing is known (the time limit can cut a pass short).
    if (a.size() >= kMaxBoosted || a.get_matches_upper_bound() != a.size()) return std::nullopt;
    for (auto it = a.begin(); it != a.end(); ++it) weights[*it] = it.get_weight();
  }
  const auto started = std::chrono::steady_clock::now();
  const Xapian::MSet estimates = PlainEnquire(full_).get_mset(0, fetch);
  // Stopped by the time limit: the best hits found so far, as the full query would give
  // (running that as well would double the worst query's time).
  const bool cut = Outlasted(started);
  const bool complete =
      estimates.size() < fetch && estimates.get_matches_upper_bound() == estimates.size();
  for (auto it = estimates.begin(); it != estimates.end(); ++it)
    weights.try_emplace(*it, it.get_weight());
  // Below this weight a document may be missing from both passes.
  const double floor = complete || estimates.empty() ? -std::numeric_limits<double>::infinity()
                                                     : (estimates.end() - 1).get_weight();
  std::vector<Ranked> ranked;
  for (const auto& [docid, weight] : weights) {
    if (!complete && !cut && weight <= floor) continue;
    ranked.push_back(RankedOf(docid, weight, context_.db.get_document(docid)));
  }
  std::sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
    if (a.weight != b.weight) return a.weight > b.weight;
    if (a.date != b.date) return a.date > b.date;
    return a.docid < b.docid;
  });
  Collapse(ranked);
  if (!complete && !cut && ranked.size() < wanted) {
    if (boost_.empty()) return DateOrderedPage(fetch);
    return std::nullopt;
  }
  return PageOf(std::move(ranked), complete, estimates);
}

std::optional<SearchRun::Page> SearchRun::DateOrderedPage(Xapian::doccount fetch) const {
  Xapian::Enquire enquire = PlainEnquire(full_);
  enquire.set_sort_by_relevance_then_value(schema::kDateSlot, true);  // as RankedEnquire
  const auto started = std::chrono::steady_clock::now();
  const Xapian::MSet mset = enquire.get_mset(0, fetch);
  // Stopped by the time limit: the best hits found so far, as the full query would give.
  const bool cut = Outlasted(started);
  const bool complete = mset.size() < fetch && mset.get_matches_upper_bound() == mset.size();
  std::vector<Ranked> ranked;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    ranked.push_back(RankedOf(*it, it.get_weight(), it.get_document()));
  }
  Collapse(ranked);
  if (!complete && !cut && ranked.size() < uint64_t{request_.offset} + request_.limit)
    return std::nullopt;
  return PageOf(std::move(ranked), complete, mset);
}

// Every match of `query`, or std::nullopt when there are kMaxBoosted or more (or the time
// limit cut the pass short). Unranked in docid order, the matcher stops at the
// kMaxBoosted-th match, where a ranked pass weighs every match to find the heaviest: at a
// million articles 97 ms for `"ballot measure"`, whose two words are in 63,415 titles,
// only to give up.
std::optional<std::vector<Xapian::docid>> SearchRun::FewMatches(const Xapian::Query& query) const {
  const Xapian::MSet mset = UnrankedEnquire(query).get_mset(0, kMaxBoosted);
  if (mset.size() >= kMaxBoosted || mset.get_matches_upper_bound() != mset.size())
    return std::nullopt;
  return std::vector<Xapian::docid>(mset.begin(), mset.end());
}

// Whether a pass begun at `started` ran into the match time limit.
bool SearchRun::Outlasted(std::chrono::steady_clock::time_point started) const {
  const double limit = context_.options.match_time_limit_s;
  return limit > 0 &&
         std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() >= limit;
}

SearchRun::Ranked SearchRun::RankedOf(Xapian::docid docid, double weight,
                                      const Xapian::Document& document) const {
  return {docid, weight, document.get_value(schema::kDateSlot),
          request_.collapse ? document.get_value(schema::kCollapseSlot) : ""};
}

// Keeps the first document of each collapse key, as Xapian's collapse does in rank order.
void SearchRun::Collapse(std::vector<Ranked>& ranked) {
  std::unordered_set<std::string> seen;
  std::erase_if(ranked, [&](const Ranked& r) {
    return !r.collapse_key.empty() && !seen.insert(r.collapse_key).second;
  });
}

// The page of `ranked` (collapsed, in rank order) that the request asks for.
SearchRun::Page SearchRun::PageOf(std::vector<Ranked> ranked, bool complete,
                                  const Xapian::MSet& estimates) const {
  Page page;
  // Every match seen: the total is exact (after collapsing, as the full query counts).
  // Otherwise the pass's bounds count matches before collapsing: exact only when
  // nothing collapses.
  page.total = complete ? ranked.size() : estimates.get_matches_estimated();
  page.total_is_exact = complete || (!request_.collapse && estimates.get_matches_lower_bound() ==
                                                               estimates.get_matches_upper_bound());
  page.matches_upper_bound = estimates.get_matches_upper_bound();
  const uint64_t wanted = uint64_t{request_.offset} + request_.limit;
  const size_t begin = std::min<size_t>(request_.offset, ranked.size());
  const size_t end = std::min<size_t>(wanted, ranked.size());
  page.hits.assign(ranked.begin() + static_cast<ptrdiff_t>(begin),
                   ranked.begin() + static_cast<ptrdiff_t>(end));
  return page;
}

}  // namespace archive::query
