// The facet values of one document, packed into a single Xapian value slot so that a
// searcher can load every document's topics and cities in one pass over a value stream.
#pragma once

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

}  // namespace archive
