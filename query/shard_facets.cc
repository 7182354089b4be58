#include "query/shard_facets.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "core/facet_values.h"
#include "core/schema.h"
#include "query/facet_table.h"

namespace archive::query {
namespace {

// Counts of one facet by folded value, with the first display form met.
struct Tally {
  std::unordered_map<std::string, std::pair<std::string, uint64_t>> by_folded;

  void Add(const Analyzer& analyzer, const std::string& value, uint64_t count) {
    auto [it, inserted] = by_folded.try_emplace(analyzer.Fold(value), value, 0);
    it->second.second += count;
  }

  std::vector<FacetCount> Top(uint32_t limit) const {
    std::vector<FacetCount> out;
    for (const auto& [folded, named] : by_folded) out.push_back({named.first, named.second});
    std::sort(out.begin(), out.end(), [](const FacetCount& a, const FacetCount& b) {
      return a.count != b.count ? a.count > b.count : a.value < b.value;
    });
    if (out.size() > limit) out.resize(limit);
    return out;
  }
};

std::vector<std::string>* SelectionOf(SearchRequest& request, Facet facet) {
  switch (facet) {
    case Facet::kTopic:
      return &request.topics;
    case Facet::kCity:
      return &request.cities;
    case Facet::kAuthor:
      return &request.authors;
    default:
      return nullptr;
  }
}

// One unranked pass over `query` with a ValueCountMatchSpy per slot that `facets` need;
// adds their counts to `tallies`. Returns the pass's MSet (its bounds give the total).
Xapian::MSet CountPass(const SearchContext& context, const Xapian::Query& query,
                       const std::vector<Facet>& facets, std::map<Facet, Tally>& tallies) {
  auto wants = [&](Facet facet) {
    return std::find(facets.begin(), facets.end(), facet) != facets.end();
  };
  const bool lists = wants(Facet::kTopic) || wants(Facet::kCity) || wants(Facet::kAuthor);
  Xapian::ValueCountMatchSpy list_spy(schema::kFacetSlot);
  Xapian::ValueCountMatchSpy date_spy(schema::kDateSlot);
  Xapian::ValueCountMatchSpy issue_spy(schema::kIssueSlot);
  Xapian::Enquire enquire(context.db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  if (lists) enquire.add_matchspy(&list_spy);
  if (wants(Facet::kYear)) enquire.add_matchspy(&date_spy);
  if (wants(Facet::kIssue)) enquire.add_matchspy(&issue_spy);
  // checkatleast = every document: each match passes through the spies.
  Xapian::MSet mset = enquire.get_mset(0, 0, context.db.get_doccount());
  const Analyzer& analyzer = context.analyzer;
  for (auto v = list_spy.values_begin(); lists && v != list_spy.values_end(); ++v) {
    // Each distinct list is one value: its count goes to every topic, city and author in it.
    const std::string encoded = *v;
    const uint64_t count = v.get_termfreq();
    const FacetValues values = DecodeFacetValues(encoded);
    if (wants(Facet::kTopic))
      for (const std::string& topic : values.topics)
        tallies[Facet::kTopic].Add(analyzer, topic, count);
    if (wants(Facet::kCity))
      for (const std::string& city : values.cities)
        tallies[Facet::kCity].Add(analyzer, city, count);
    if (wants(Facet::kAuthor)) {
      for (const std::string& author :
           DecodeFacetAuthors(encoded).value_or(std::vector<std::string>{}))
        tallies[Facet::kAuthor].Add(analyzer, author, count);
    }
  }
  for (auto v = date_spy.values_begin(); wants(Facet::kYear) && v != date_spy.values_end(); ++v) {
    const std::string date = *v;
    if (date.size() == 8) tallies[Facet::kYear].Add(analyzer, date.substr(0, 4), v.get_termfreq());
  }
  for (auto v = issue_spy.values_begin(); wants(Facet::kIssue) && v != issue_spy.values_end();
       ++v) {
    const auto issue = static_cast<long>(Xapian::sortable_unserialise(*v));
    tallies[Facet::kIssue].Add(analyzer, std::to_string(issue), v.get_termfreq());
  }
  return mset;
}

}  // namespace

void CountShardFacets(const SearchContext& context, const SearchRequest& request,
                      const Xapian::Query& base, SearchResult& result) {
  const QueryBuilder builder(context.analyzer, context.db, nullptr);
  std::vector<Facet> wanted;
  for (const std::string& name : request.facet_names) wanted.push_back(*FacetByName(name));
  // Facets whose own selection must be ignored get a pass of their own (disjunctive).
  std::vector<Facet> with_all, own_pass;
  SearchRequest scratch = request;
  for (Facet facet : wanted) {
    const std::vector<std::string>* selection = SelectionOf(scratch, facet);
    (selection != nullptr && !selection->empty() ? own_pass : with_all).push_back(facet);
  }
  std::map<Facet, Tally> tallies;
  Xapian::MSet all = CountPass(context, builder.AddFacetFilters(base, request), with_all, tallies);
  result.total = all.get_matches_estimated();
  result.total_is_exact = all.get_matches_lower_bound() == all.get_matches_upper_bound();
  for (Facet facet : own_pass) {
    SearchRequest others = request;
    SelectionOf(others, facet)->clear();
    CountPass(context, builder.AddFacetFilters(base, others), {facet}, tallies);
  }
  for (Facet facet : wanted)
    result.facets[FacetName(facet)] = tallies[facet].Top(request.facet_limit);
}

}  // namespace archive::query
