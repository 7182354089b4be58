// The request and result model of a search: plain structs, no JSON, no Xapian. The CLI
// and the server only translate their input into a SearchRequest and print a SearchResult.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/article.h"

namespace archive::query {

enum class SortOrder { kRelevance, kNewest, kOldest };

// Facets a request may ask for, by name: "topic", "city", "year", "author", "issue".
inline const std::vector<std::string>& AllFacetNames() {
  static const std::vector<std::string> kNames = {"topic", "city", "year", "author", "issue"};
  return kNames;
}

// Above this many matching documents, facet counts come from a sample and are scaled up;
// the result then names the facets as estimated.
inline constexpr uint64_t kDefaultFacetExactLimit = 200'000;
// Likewise above this many position checks: documents with all the words of the query's
// phrases and NEAR groups, whose positions Xapian reads one document at a time (~0.6-0.7
// us each: ~30-35 ms of CPU at the limit, which the facet pass spreads over two threads
// beside the ranked page). The most of any phrase of bench/'s 100,000 articles is 34,560;
// at 1,000,000 articles the common phrases have ~350,000 and are sampled.
inline constexpr uint64_t kDefaultFacetCheckLimit = 50'000;
inline constexpr uint32_t kMaxLimit = 10'000;  // hits per page (exports page internally)

struct SearchRequest {
  std::string query;                // what the person typed; empty browses, newest first
  std::vector<std::string> topics;  // facet selections: OR within a facet, AND across facets
  std::vector<std::string> cities;
  std::vector<std::string> authors;              // full names, as printed in bylines
  std::vector<std::string> kinds = {"article"};  // issue records (tables of contents) opt in
  std::vector<std::string> langs;                // ISO 639-1 codes; empty: any language
  std::string from_date;                         // YYYY-MM-DD, inclusive; empty: no lower bound
  std::string to_date;                           // YYYY-MM-DD, inclusive; empty: no upper bound
  uint32_t issue_from = 0;                       // printed issue range, inclusive; 0: unbounded
  uint32_t issue_to = 0;
  bool curated_topics_only = false;  // leave out articles whose topics the indexer derived
  bool curated_cities_only = false;  // likewise for cities
  SortOrder sort = SortOrder::kRelevance;
  uint32_t offset = 0;      // hits to skip
  uint32_t limit = 10;      // hits to return, at most kMaxLimit
  bool want_facets = true;  // counts over the whole match set for `facet_names`
  std::vector<std::string> facet_names = {"topic", "city"};
  uint32_t facet_limit = 100;  // values per facet, most frequent first
  uint64_t facet_exact_limit = kDefaultFacetExactLimit;
  uint64_t facet_check_limit = kDefaultFacetCheckLimit;
  uint32_t snippet_words = 30;    // length of a snippet passage; 0: no snippets
  uint32_t snippet_passages = 1;  // best passages per hit, in text order, joined by " … "
  std::string highlight_pre = "<mark>";
  std::string highlight_post = "</mark>";
  bool escape_html = true;  // escape snippet text for the web (the CLI turns it off)
  // No stemming, no typo correction, no synonyms, no relaxing to fewer words.
  bool strict = false;
  std::string like_id;      // "more like this": rank by similarity to this article
  bool count_only = false;  // total (and facets) only: no hits are fetched
  bool ids_only = false;    // hits with id, rank, score and date only: no stored text is read
  bool collapse = true;     // one hit per collapse key (print + web copies of an article)
  bool explain = false;     // fill SearchResult::explanation with the query as run
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
  std::string summary;
  std::string lang;
};

struct FacetCount {
  std::string value;
  uint64_t count = 0;
};

struct SearchResult {
  std::vector<Hit> hits;
  uint64_t total = 0;                                     // documents matching the whole request
  bool total_is_exact = false;                            // false when `total` is Xapian's estimate
  std::map<std::string, std::vector<FacetCount>> facets;  // by facet name
  std::vector<std::string> estimated_facets;              // facets counted from a sample
  uint64_t generation = 0;                                // the index state searched, for citation
  uint64_t revision = 0;
  // Said to the reader: "Showing results for ...", "No article has all of these words ...".
  std::vector<std::string> notices;
  std::string suggestion;       // "did you mean": the query with likely typos corrected
  std::string corrected_query;  // non-empty when the hits are for the suggestion instead
  bool relaxed = false;         // no article matched every word: these match some of them
  std::string explanation;      // the Xapian query as run, when SearchRequest::explain
  // Some shards could not be searched (docs/shards.md): the hits, total and counts are
  // those of the others; `notices` names the missing shards.
  bool partial = false;
};

// --- Research tools -----------------------------------------------------------------

enum class Granularity { kYear, kMonth };

struct HistogramRequest {
  Granularity granularity = Granularity::kYear;
  std::string split_by;  // "", "topic" or "city": one series per value
};

struct HistogramBucket {
  std::string period;        // "YYYY" or "YYYY-MM"
  std::string group;         // the topic or city of the series; empty when not split
  uint64_t documents = 0;    // matching documents
  uint64_t occurrences = 0;  // occurrences of the query's words in them
  uint64_t words = 0;        // all words of the period's documents that pass the filters
  double per_10k_words = 0;  // occurrences per 10,000 words of the period
};

enum class KwicSort { kDocument, kLeft, kRight };

struct KwicRequest {
  uint32_t context_words = 5;  // words either side
  uint32_t max_lines = 1000;
  KwicSort sort = KwicSort::kDocument;
};

struct KwicLine {
  std::string id;
  std::string date;
  std::string left;     // the words before, in text order
  std::string keyword;  // the occurrence as written
  std::string right;
};

// --- Browsing the archive ------------------------------------------------------------

// Which committed state of the index answered, for validators and citation.
struct IndexState {
  uint64_t generation = 0;
  uint64_t revision = 0;
};

struct Completion {
  std::string text;        // what was typed, with its last word completed
  uint64_t frequency = 0;  // documents whose headlines (or, failing that, texts) have the word
};

struct HeadlineMatch {
  std::string id;
  std::string title;
  std::string date;  // YYYY-MM-DD or empty
};

struct Suggestions {
  std::vector<Completion> completions;   // most frequent first
  std::vector<HeadlineMatch> headlines;  // best match first
  IndexState state;
};

struct ArticleRecord {
  Article article;  // the stored version the index holds, as received
  IndexState state;
};

struct IssueSummary {
  int number = 0;
  std::string id;     // the issue record's id; empty when the archive has none
  std::string title;  // from the issue record; empty without one
  std::string date;   // the record's date, else the earliest of its articles
  std::string url;
  uint64_t articles = 0;  // printed articles, not counting PDF pages
  uint64_t pages = 0;     // indexed pages of the print edition ("issue-0087-p06")
};

struct IssueEntry {
  std::string id;
  std::string title;
  std::string date;
  std::string url;
  std::vector<std::string> authors;
  std::vector<std::string> topics;
  int page = 0;  // the indexed page whose text carries the headline; 0: unknown
};

struct IssuePage {
  int page = 0;
  std::string id;
  std::string title;
};

struct IssueList {
  std::vector<IssueSummary> issues;  // by number
  IndexState state;
};

struct IssueContents {
  IssueSummary summary;
  std::vector<IssueEntry> articles;  // by page where known, then by id
  std::vector<IssuePage> pages;      // by page number
  IndexState state;
};

// Called for each hit of an export, in rank order; return false to stop early.
using HitVisitor = std::function<bool(const Hit&)>;

}  // namespace archive::query
