#include "query/facet_table.h"

#include "core/analyzer.h"
#include "core/facet_values.h"
#include "core/schema.h"

namespace archive::query {

// Reads each value slot once, as a stream in docid order (Xapian keeps a slot's values
// together in chunks), instead of fetching every document.
class FacetTable::Loader {
 public:
  Loader(FacetTable& table, Xapian::docid last);

  void LoadFacetSlot(const Xapian::Database& db, const AuthorsOf& fallback_authors);
  void LoadYears(const Xapian::Database& db);
  void LoadIssues(const Xapian::Database& db);
  void Finish();

 private:
  class ColumnWriter;
  void AddFacetValue(Xapian::docid docid, std::string_view encoded,
                     const AuthorsOf& fallback_authors);
  void AddList(Facet facet, Xapian::docid docid, const std::vector<std::string>& names);

  Analyzer analyzer_ = Analyzer::Create().value();  // ICU data is part of libicu: cannot fail
  std::vector<ColumnWriter> writers_;
};

// Fills one column in increasing docid order. Each distinct raw value is folded once: most
// values repeat across documents, and folding (ICU) is the costly part of interning.
class FacetTable::Loader::ColumnWriter {
 public:
  ColumnWriter(Column& column, const Analyzer& analyzer) : column_(column), analyzer_(analyzer) {}

  // Starts `docid`'s values; the documents between the previous one and it get none.
  void StartDocument(Xapian::docid docid) {
    for (; next_ <= docid; ++next_)
      column_.offsets[next_] = static_cast<uint32_t>(column_.ids.size());
  }
  void Add(std::string_view raw) { column_.ids.push_back(Intern(raw)); }
  // Closes the last document started; the docids after it get no values.
  void Finish() { StartDocument(static_cast<Xapian::docid>(column_.offsets.size() - 1)); }

 private:
  uint32_t Intern(std::string_view raw) {
    key_.assign(raw);
    auto known = id_by_raw_.find(key_);
    if (known != id_by_raw_.end()) return known->second;
    auto [it, inserted] = column_.id_by_folded_name.emplace(
        analyzer_.Fold(raw), static_cast<uint32_t>(column_.names.size()));
    if (inserted) column_.names.push_back(key_);
    id_by_raw_.emplace(key_, it->second);
    return it->second;
  }

  Column& column_;
  const Analyzer& analyzer_;
  Xapian::docid next_ = 1;
  std::unordered_map<std::string, uint32_t> id_by_raw_;
  std::string key_;  // reused for lookups: a value seen before costs no allocation
};

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

FacetTable::Loader::Loader(FacetTable& table, Xapian::docid last) {
  writers_.reserve(kFacetCount);
  for (Column& column : table.facets_) {
    column.offsets.assign(last + 2, 0);
    writers_.emplace_back(column, analyzer_);
  }
}

void FacetTable::Loader::AddList(Facet facet, Xapian::docid docid,
                                 const std::vector<std::string>& names) {
  ColumnWriter& writer = writers_[static_cast<int>(facet)];
  writer.StartDocument(docid);
  for (const std::string& name : names) writer.Add(name);
}

void FacetTable::Loader::AddFacetValue(Xapian::docid docid, std::string_view encoded,
                                       const AuthorsOf& fallback_authors) {
  FacetValues values = DecodeFacetValues(encoded);
  std::optional<std::vector<std::string>> authors = DecodeFacetAuthors(encoded);
  if (!authors && fallback_authors) authors = fallback_authors(docid);
  AddList(Facet::kTopic, docid, values.topics);
  AddList(Facet::kCity, docid, values.cities);
  if (authors) AddList(Facet::kAuthor, docid, *authors);
}

void FacetTable::Loader::LoadFacetSlot(const Xapian::Database& db,
                                       const AuthorsOf& fallback_authors) {
  Xapian::ValueIterator value = db.valuestream_begin(schema::kFacetSlot);
  const Xapian::ValueIterator end = db.valuestream_end(schema::kFacetSlot);
  if (!fallback_authors) {
    for (; value != end; ++value) AddFacetValue(value.get_docid(), *value, fallback_authors);
    return;
  }
  // The fallback may have authors for a document without a facet value: visit every one.
  for (auto doc = db.postlist_begin(""); doc != db.postlist_end(""); ++doc) {
    const Xapian::docid docid = *doc;
    if (value != end && value.get_docid() < docid) value.skip_to(docid);
    const bool has_value = value != end && value.get_docid() == docid;
    AddFacetValue(docid, has_value ? *value : std::string(), fallback_authors);
  }
}

void FacetTable::Loader::LoadYears(const Xapian::Database& db) {
  ColumnWriter& writer = writers_[static_cast<int>(Facet::kYear)];
  const Xapian::ValueIterator end = db.valuestream_end(schema::kDateSlot);
  for (auto value = db.valuestream_begin(schema::kDateSlot); value != end; ++value) {
    const std::string date = *value;
    if (date.size() != 8) continue;
    writer.StartDocument(value.get_docid());
    writer.Add(std::string_view(date).substr(0, 4));
  }
}

void FacetTable::Loader::LoadIssues(const Xapian::Database& db) {
  ColumnWriter& writer = writers_[static_cast<int>(Facet::kIssue)];
  const Xapian::ValueIterator end = db.valuestream_end(schema::kIssueSlot);
  for (auto value = db.valuestream_begin(schema::kIssueSlot); value != end; ++value) {
    const std::string issue = *value;
    if (issue.empty()) continue;
    writer.StartDocument(value.get_docid());
    writer.Add(std::to_string(static_cast<long>(Xapian::sortable_unserialise(issue))));
  }
}

void FacetTable::Loader::Finish() {
  for (ColumnWriter& writer : writers_) writer.Finish();
}

FacetTable FacetTable::Load(const Xapian::Database& db, const AuthorsOf& fallback_authors) {
  FacetTable table;
  Loader loader(table, db.get_lastdocid());
  loader.LoadFacetSlot(db, fallback_authors);
  loader.LoadYears(db);
  loader.LoadIssues(db);
  loader.Finish();
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
