// QueryBuilder: what a person typed, plus the request's filters, as a Xapian::Query.
// Module-internal (it exposes Xapian types). Holds QueryParsers, so not thread-safe:
// one per search.
#pragma once

#include <xapian.h>

#include <memory>
#include <string>
#include <vector>

#include "core/analyzer.h"
#include "core/status_or.h"
#include "query/search_types.h"
#include "query/synonyms.h"

namespace archive::query {

// How the free text is read.
struct TextMode {
  bool strict = false;    // no stemming, no synonyms, every word required
  bool any_word = false;  // the relaxed fallback: any of the words matches
};

class QueryBuilder {
 public:
  // `db` is used to expand wildcards; it and `synonyms` (may be null) must outlive the builder.
  QueryBuilder(const Analyzer& analyzer, const Xapian::Database& db,
               const Synonyms* synonyms = nullptr);
  ~QueryBuilder();

  // The free-text part. A blank query matches every document. Text the parser cannot
  // make sense of is retried as plain words, so no typed string is ever an error.
  // More than kAllWordsUpTo plain words require only MinimumShouldMatch() of them.
  Xapian::Query BuildText(const std::string& text, TextMode mode = {});

  // A boost for navigational queries: the query's words as a phrase in the title, scaled
  // by `factor`. Empty (Query()) unless the text is two or more plain words.
  Xapian::Query TitlePhraseBoost(const std::string& text, double factor) const;

  // The filters that are not facets (kind, language, date and issue ranges, curated
  // metadata), combined with `text_query`.
  Xapian::Query AddFilters(const Xapian::Query& text_query, const SearchRequest& request) const;

  // The facet selections (topics, cities and authors: OR within, AND across) on `base`.
  Xapian::Query AddFacetFilters(const Xapian::Query& base, const SearchRequest& request) const;

  // A query that matches the documents of one author (their name as a phrase), weight 0.
  Xapian::Query AuthorQuery(const std::string& name) const;

 private:
  Xapian::Query BooleanAnyOf(std::string_view prefix, const std::vector<std::string>& values,
                             bool fold) const;
  Xapian::Query ParseIn(Xapian::QueryParser& parser, const std::string& folded,
                        TextMode mode) const;
  Xapian::Query KindFilter(const Xapian::Query& query, const std::vector<std::string>& kinds) const;

  const Analyzer& analyzer_;
  const Synonyms* synonyms_;
  struct Parsers;
  std::unique_ptr<Parsers> parsers_;
  bool has_spanish_ = false;  // whether any document is in Spanish (term "Les")
  // Every kind in the index (each document has exactly one kind term) with its number of
  // documents: a kind filter that keeps most documents is cheaper as an exclusion.
  std::vector<std::pair<std::string, Xapian::doccount>> kinds_;
  Xapian::doccount doccount_ = 0;
};

// Every document. Xapian::Query::MatchAll is one shared static object whose reference
// count is not atomic: copying it from several threads at once corrupts it (a crash seen
// in the concurrent-search test), so each search builds its own.
inline Xapian::Query MatchAllQuery() { return Xapian::Query(std::string()); }

// The maximum number of terms a trailing wildcard may expand to.
inline constexpr Xapian::termcount kMaxWildcardExpansion = 200;

// Up to this many plain words, every word is required.
inline constexpr size_t kAllWordsUpTo = 3;

// How many of `clauses` plain-word clauses a document must match: all of them up to
// kAllWordsUpTo, then ceil(75%) (4 → 3, 5 → 4, 8 → 6, 12 → 9).
size_t MinimumShouldMatch(size_t clauses);

// Rewrites a parsed plain-words query (an AND of > kAllWordsUpTo distinct clauses, possibly
// under AND_NOT / FILTER) to match documents with at least MinimumShouldMatch() of them,
// ranked by BM25 over all of them. Other queries come back unchanged.
Xapian::Query RelaxToMinimumShouldMatch(const Xapian::Query& query);

}  // namespace archive::query
