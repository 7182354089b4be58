// FacetTable: every document's facet values (topics, cities, year, authors, issue) as small
// integer ids, loaded once per index snapshot from the value slots. Counting facets over a
// match set then costs a few array reads per document instead of a Xapian value fetch
// (DESIGN.md: MatchSpy counting was the p99 tail). Immutable after Load(); safe to share
// between threads.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace archive::query {

enum class Facet { kTopic = 0, kCity = 1, kYear = 2, kAuthor = 3, kIssue = 4 };
inline constexpr int kFacetCount = 5;

// "topic", "city", "year", "author", "issue" (as in SearchRequest::facet_names).
const char* FacetName(Facet facet);
std::optional<Facet> FacetByName(const std::string& name);

class FacetTable {
 public:
  // Gives a document's authors when the facet slot does not carry them (an index written
  // before the slot had an authors field); may be empty.
  using AuthorsOf = std::function<std::vector<std::string>(Xapian::docid)>;

  // Reads the facet, date and issue slots of every document in `db`: one sequential pass
  // over each slot's value stream (fetching documents one by one cost a second at 100,000).
  static FacetTable Load(const Xapian::Database& db, const AuthorsOf& fallback_authors = {});

  // The value ids of one document's facet (empty for an unknown docid). Inline: the facet
  // pass asks for three facets of every match.
  std::span<const uint32_t> ValuesOf(Xapian::docid docid, Facet facet) const {
    const Column& column = facets_[static_cast<int>(facet)];
    if (docid + 1 >= column.offsets.size()) return {};
    return std::span<const uint32_t>(column.ids.data() + column.offsets[docid],
                                     column.offsets[docid + 1] - column.offsets[docid]);
  }

  // The id of a display value (matched case- and accent-insensitively by the caller's
  // folding), or -1 when no document has it.
  int64_t IdOf(Facet facet, const std::string& folded_value) const;

  const std::string& Name(Facet facet, uint32_t id) const {
    return facets_[static_cast<int>(facet)].names[id];
  }
  size_t ValueCount(Facet facet) const { return facets_[static_cast<int>(facet)].names.size(); }

 private:
  class Loader;  // reads the value streams into the columns (facet_table.cc)

  struct Column {
    std::vector<uint32_t> offsets;  // per docid: start in `ids`; offsets[docid + 1] is the end
    std::vector<uint32_t> ids;
    std::vector<std::string> names;
    std::unordered_map<std::string, uint32_t> id_by_folded_name;
  };
  Column facets_[kFacetCount];
};

}  // namespace archive::query
