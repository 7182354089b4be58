// The request and result model of a search: plain structs, no JSON, no Xapian. The CLI
// and the server only translate their input into a SearchRequest and print a SearchResult.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace archive::query {

enum class SortOrder { kRelevance, kNewest, kOldest };

struct SearchRequest {
  std::string query;                // what the person typed; empty browses, newest first
  std::vector<std::string> topics;  // OR within a facet, AND across facets
  std::vector<std::string> cities;
  std::vector<std::string> kinds = {"article"};  // issue records (tables of contents) opt in
  std::string from_date;                         // YYYY-MM-DD, inclusive; empty: no lower bound
  std::string to_date;                           // YYYY-MM-DD, inclusive; empty: no upper bound
  SortOrder sort = SortOrder::kRelevance;
  uint32_t offset = 0;          // hits to skip
  uint32_t limit = 10;          // hits to return
  bool want_facets = true;      // topic and city counts over the whole match set
  uint32_t facet_limit = 100;   // values per facet, most frequent first
  uint32_t snippet_words = 30;  // length of the snippet passage
  std::string highlight_pre = "<mark>";
  std::string highlight_post = "</mark>";
  bool escape_html = true;  // escape snippet text for the web (the CLI turns it off)
};

struct Hit {
  std::string id;
  uint32_t rank = 0;  // 1-based, across pages
  double score = 0;
  std::string kind;
  std::string title;
  std::string title_highlighted;
  std::string url;
  std::string date;  // YYYY-MM-DD or empty
  int issue = 0;     // 0: not printed
  std::vector<std::string> authors;
  std::vector<std::string> topics;
  std::vector<std::string> cities;
  std::string snippet;
};

struct FacetCount {
  std::string value;
  uint64_t count = 0;
};

struct SearchResult {
  std::vector<Hit> hits;
  uint64_t total = 0;                                     // documents matching the whole request
  bool total_is_exact = false;                            // false when `total` is Xapian's estimate
  std::map<std::string, std::vector<FacetCount>> facets;  // "topic", "city"
  uint64_t generation = 0;                                // the index state searched, for citation
  uint64_t revision = 0;
};

}  // namespace archive::query
