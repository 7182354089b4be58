#include "query/facet_table.h"

#include "core/analyzer.h"
#include "core/facet_values.h"
#include "core/schema.h"

namespace archive::query {
namespace {

uint32_t Intern(const std::string& name, const Analyzer& analyzer,
                std::unordered_map<std::string, uint32_t>& ids, std::vector<std::string>& names) {
  auto [it, inserted] = ids.emplace(analyzer.Fold(name), static_cast<uint32_t>(names.size()));
  if (inserted) names.push_back(name);
  return it->second;
}

}  // namespace

FacetTable FacetTable::Load(const Xapian::Database& db) {
  FacetTable table;
  Analyzer analyzer = Analyzer::Create().value();  // ICU data is part of libicu: cannot fail
  const Xapian::docid last = db.get_lastdocid();
  for (Column& column : table.facets_) column.offsets.assign(last + 2, 0);

  // Documents without a facet value get an empty range: offsets are filled forward.
  Xapian::docid next = 1;
  auto fill_until = [&](Xapian::docid docid) {
    for (; next <= docid; ++next) {
      for (Column& column : table.facets_)
        column.offsets[next] = static_cast<uint32_t>(column.ids.size());
    }
  };
  for (auto it = db.valuestream_begin(schema::kFacetSlot);
       it != db.valuestream_end(schema::kFacetSlot); ++it) {
    fill_until(it.get_docid());
    FacetValues values = DecodeFacetValues(*it);
    const std::vector<std::string>* lists[kFacetCount] = {&values.topics, &values.cities};
    for (int f = 0; f < kFacetCount; ++f) {
      Column& column = table.facets_[f];
      for (const std::string& name : *lists[f])
        column.ids.push_back(Intern(name, analyzer, column.id_by_folded_name, column.names));
    }
  }
  fill_until(last + 1);
  return table;
}

std::span<const uint32_t> FacetTable::ValuesOf(Xapian::docid docid, Facet facet) const {
  const Column& column = facets_[static_cast<int>(facet)];
  if (docid + 1 >= column.offsets.size()) return {};
  return std::span<const uint32_t>(column.ids.data() + column.offsets[docid],
                                   column.offsets[docid + 1] - column.offsets[docid]);
}

int64_t FacetTable::IdOf(Facet facet, const std::string& folded_value) const {
  const Column& column = facets_[static_cast<int>(facet)];
  auto it = column.id_by_folded_name.find(folded_value);
  return it == column.id_by_folded_name.end() ? -1 : it->second;
}

}  // namespace archive::query
