// The facet values of one document, packed into a single Xapian value slot so that a
// searcher can load every document's topics and cities in one pass over a value stream.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace archive {

struct FacetValues {
  std::vector<std::string> topics;
  std::vector<std::string> cities;
};

// Separators are ASCII control characters that no readers' values contain (they are
// stripped from metadata on input).
std::string EncodeFacetValues(const FacetValues& values);
FacetValues DecodeFacetValues(std::string_view encoded);

// A third field, the authors, appended to EncodeFacetValues(values): readers of the first
// two fields are unaffected. DecodeFacetAuthors returns nullopt when the value has no
// third field (an index written before it existed), an empty list when it has no authors.
std::string EncodeFacetValues(const FacetValues& values, const std::vector<std::string>& authors);
std::optional<std::vector<std::string>> DecodeFacetAuthors(std::string_view encoded);

}  // namespace archive
