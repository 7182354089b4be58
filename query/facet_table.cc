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

using Lists = std::vector<std::vector<std::string>>;  // per facet, one document's values

// Everything one document has, from its values (one fetch per slot).
Lists DocumentValues(const Xapian::Document& document, Xapian::docid docid,
                     const FacetTable::AuthorsOf& fallback_authors) {
  Lists lists(kFacetCount);
  const std::string encoded = document.get_value(schema::kFacetSlot);
  FacetValues values = DecodeFacetValues(encoded);
  lists[static_cast<int>(Facet::kTopic)] = std::move(values.topics);
  lists[static_cast<int>(Facet::kCity)] = std::move(values.cities);
  std::optional<std::vector<std::string>> authors = DecodeFacetAuthors(encoded);
  if (authors) {
    lists[static_cast<int>(Facet::kAuthor)] = std::move(*authors);
  } else if (fallback_authors) {
    lists[static_cast<int>(Facet::kAuthor)] = fallback_authors(docid);
  }
  const std::string date = document.get_value(schema::kDateSlot);
  if (date.size() == 8) lists[static_cast<int>(Facet::kYear)].push_back(date.substr(0, 4));
  const std::string issue = document.get_value(schema::kIssueSlot);
  if (!issue.empty()) {
    lists[static_cast<int>(Facet::kIssue)].push_back(
        std::to_string(static_cast<long>(Xapian::sortable_unserialise(issue))));
  }
  return lists;
}

}  // namespace

const char* FacetName(Facet facet) {
  static constexpr const char* kNames[kFacetCount] = {"topic", "city", "year", "author", "issue"};
  return kNames[static_cast<int>(facet)];
}

std::optional<Facet> FacetByName(const std::string& name) {
  for (int f = 0; f < kFacetCount; ++f) {
    if (name == FacetName(static_cast<Facet>(f))) return static_cast<Facet>(f);
  }
  return std::nullopt;
}

FacetTable FacetTable::Load(const Xapian::Database& db, const AuthorsOf& fallback_authors) {
  FacetTable table;
  Analyzer analyzer = Analyzer::Create().value();  // ICU data is part of libicu: cannot fail
  const Xapian::docid last = db.get_lastdocid();
  for (Column& column : table.facets_) column.offsets.assign(last + 2, 0);

  // Documents that do not exist get an empty range: offsets are filled forward.
  Xapian::docid next = 1;
  auto fill_until = [&](Xapian::docid docid) {
    for (; next <= docid; ++next) {
      for (Column& column : table.facets_)
        column.offsets[next] = static_cast<uint32_t>(column.ids.size());
    }
  };
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    const Xapian::docid docid = *it;
    fill_until(docid);
    Lists lists =
        DocumentValues(db.get_document(docid, Xapian::DOC_ASSUME_VALID), docid, fallback_authors);
    for (int f = 0; f < kFacetCount; ++f) {
      Column& column = table.facets_[f];
      for (const std::string& name : lists[static_cast<size_t>(f)])
        column.ids.push_back(Intern(name, analyzer, column.id_by_folded_name, column.names));
    }
  }
  fill_until(last + 1);
  return table;
}

int64_t FacetTable::IdOf(Facet facet, const std::string& folded_value) const {
  const Column& column = facets_[static_cast<int>(facet)];
  auto it = column.id_by_folded_name.find(folded_value);
  // Not `found ? id : -1`: that converts -1 to the uint32_t id type (4294967295).
  if (it == column.id_by_folded_name.end()) return -1;
  return static_cast<int64_t>(it->second);
}

}  // namespace archive::query
