// QueryBuilder: what a person typed, plus the request's filters, as a Xapian::Query.
// Module-internal (it exposes Xapian types). Holds a QueryParser, so not thread-safe:
// one per thread (the searcher keeps one per pooled database).
#pragma once

#include <xapian.h>

#include <string>

#include "core/analyzer.h"
#include "core/status_or.h"
#include "query/search_types.h"

namespace archive::query {

class QueryBuilder {
 public:
  // `db` is used to expand wildcards; it must outlive the builder.
  QueryBuilder(const Analyzer& analyzer, const Xapian::Database& db);

  // The free-text part. A blank query matches every document. Text the parser cannot
  // make sense of is retried as plain words, so no typed string is ever an error.
  Xapian::Query BuildText(const std::string& text);

  // The filters that are not facets (kind, date range), combined with `text_query`.
  Xapian::Query AddFilters(const Xapian::Query& text_query, const SearchRequest& request) const;

  // The facet selections (topics OR-ed, cities OR-ed, the two AND-ed) applied to `base`.
  Xapian::Query AddFacetFilters(const Xapian::Query& base, const SearchRequest& request) const;

 private:
  Xapian::Query BooleanAnyOf(std::string_view prefix, const std::vector<std::string>& values,
                             bool fold) const;
  static Xapian::Query Parse(Xapian::QueryParser& parser, const std::string& folded);

  const Analyzer& analyzer_;
  Xapian::QueryParser english_parser_;
  Xapian::QueryParser spanish_parser_;
  bool has_spanish_ = false;  // whether any document is in Spanish (term "Les")
};

// The maximum number of terms a trailing wildcard may expand to.
inline constexpr Xapian::termcount kMaxWildcardExpansion = 200;

}  // namespace archive::query
