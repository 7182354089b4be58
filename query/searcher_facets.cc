// Facet counting: one pass over the match set without facet selections, reading each
// document's values from the snapshot's FacetTable.
#include <algorithm>
#include <array>

#include "query/facet_table.h"
#include "query/search_run.h"

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

// Selected values as table ids; a value no document has selects nothing.
std::vector<uint32_t> SelectedIds(const FacetTable& table, Facet facet,
                                  const std::vector<std::string>& values,
                                  const Analyzer& analyzer) {
  std::vector<uint32_t> ids;
  for (const std::string& value : values) {
    int64_t id = table.IdOf(facet, analyzer.Fold(value));
    if (id >= 0) ids.push_back(static_cast<uint32_t>(id));
  }
  return ids;
}

bool HasAny(std::span<const uint32_t> values, const std::vector<uint32_t>& selected) {
  for (uint32_t value : values) {
    if (std::find(selected.begin(), selected.end(), value) != selected.end()) return true;
  }
  return false;
}

std::vector<FacetCount> TopCounts(const FacetTable& table, Facet facet,
                                  const std::vector<uint64_t>& counts, uint64_t scale,
                                  uint32_t limit) {
  std::vector<FacetCount> out;
  for (uint32_t id = 0; id < counts.size(); ++id) {
    if (counts[id] > 0) out.push_back({table.Name(facet, id), counts[id] * scale});
  }
  std::sort(out.begin(), out.end(), [](const FacetCount& a, const FacetCount& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

// Keeps every `step`-th document (by docid), for estimated counts over huge match sets.
class EveryNth : public Xapian::MatchDecider {
 public:
  explicit EveryNth(Xapian::docid step) : step_(step) {}
  bool operator()(const Xapian::Document& doc) const override {
    return doc.get_docid() % step_ == 0;
  }

 private:
  Xapian::docid step_;
};

}  // namespace

// Disjunctive facets: a document counts towards a facet's values when it passes every
// OTHER facet's selection, and towards the total when it passes all of them.
void CountFacets(const SearchContext& context, const SearchRequest& request,
                 const Xapian::Query& base, SearchResult& result) {
  const FacetTable& table = context.snapshot.facets();
  std::vector<Facet> wanted;
  for (const std::string& name : request.facet_names) wanted.push_back(*FacetByName(name));
  std::vector<std::vector<uint32_t>> selected(kFacetCount);
  std::vector<bool> active(kFacetCount, false);
  for (Facet facet : kSelectable) {
    const auto& values = Selection(request, facet);
    active[static_cast<size_t>(facet)] = !values.empty();
    selected[static_cast<size_t>(facet)] = SelectedIds(table, facet, values, context.analyzer);
  }
  std::vector<std::vector<uint64_t>> counts(kFacetCount);
  for (Facet facet : wanted) counts[static_cast<size_t>(facet)].resize(table.ValueCount(facet));

  Xapian::Enquire enquire(context.db);
  enquire.set_query(base);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  const Xapian::doccount size = context.db.get_doccount();
  // Exact up to the limit: counting stops being exact only beyond it.
  const Xapian::doccount check =
      static_cast<Xapian::doccount>(std::min<uint64_t>(size, request.facet_exact_limit + 1));
  Xapian::MSet probe = enquire.get_mset(0, 0, check);
  const uint64_t matches = probe.get_matches_estimated();
  const uint64_t step = matches > request.facet_exact_limit && request.facet_exact_limit > 0
                            ? (matches + request.facet_exact_limit - 1) / request.facet_exact_limit
                            : 1;
  EveryNth sample(static_cast<Xapian::docid>(step));
  Xapian::MSet all = enquire.get_mset(0, size, nullptr, step > 1 ? &sample : nullptr);
  uint64_t total = 0;
  for (auto it = all.begin(); it != all.end(); ++it) {
    const Xapian::docid docid = *it;
    std::array<bool, kFacetCount> passes{};
    bool passes_all = true;
    for (Facet facet : kSelectable) {
      const auto f = static_cast<size_t>(facet);
      passes[f] = !active[f] || HasAny(table.ValuesOf(docid, facet), selected[f]);
      passes_all = passes_all && passes[f];
    }
    for (Facet facet : wanted) {
      const auto f = static_cast<size_t>(facet);
      bool others = true;
      for (Facet other : kSelectable) {
        if (other != facet) others = others && passes[static_cast<size_t>(other)];
      }
      if (!others) continue;
      for (uint32_t id : table.ValuesOf(docid, facet)) ++counts[f][id];
    }
    if (passes_all) ++total;
  }
  if (step == 1) {
    result.total = total;
    result.total_is_exact = true;
  }
  for (Facet facet : wanted) {
    const char* name = FacetName(facet);
    result.facets[name] =
        TopCounts(table, facet, counts[static_cast<size_t>(facet)], step, request.facet_limit);
    if (step > 1) result.estimated_facets.push_back(name);
  }
}

}  // namespace archive::query
