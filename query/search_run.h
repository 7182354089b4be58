// SearchRun: the query path of one request against one snapshot and one borrowed
// database: the text query (corrected or relaxed when it finds nothing), the filters, the
// ranking, the page of hits. The Searcher's methods all go through it. Module-internal;
// throws Xapian::Error (the Searcher calls it inside CallXapian).
#pragma once

#include <xapian.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/analyzer.h"
#include "core/article.h"
#include "query/index_snapshot.h"
#include "query/query_builder.h"
#include "query/search_types.h"
#include "query/searcher.h"
#include "query/snippet.h"

namespace archive::query {

struct SearchContext {
  const Analyzer& analyzer;
  const IndexSnapshot& snapshot;
  // At the snapshot's revision: Searcher::WithContext and IndexSnapshot::BorrowSameRevision
  // check it once, when the database is borrowed.
  Xapian::Database& db;
  const SearcherOptions& options;
  // Fewer searches run in this process than there are cores: a second thread for this
  // one is likely to find a core idle.
  bool spare_core = false;
};

class SearchRun {
 public:
  // REQUIRES: `context` and `request` outlive the run.
  SearchRun(const SearchContext& context, const SearchRequest& request);

  // Builds the queries and notes corrections and relaxations in `result`. kNotFound when
  // `like_id` names no article.
  Status Prepare(SearchResult& result);

  // The whole request: Prepare(), one ranked page, facets, hits.
  StatusOr<SearchResult> Run();

  // Valid after Prepare(): the words part, with the non-facet filters, with everything.
  const Xapian::Query& text() const { return text_; }
  const Xapian::Query& base() const { return base_; }
  const Xapian::Query& full() const { return full_; }

  // Every document that passes the request's filters and selections, whatever its words.
  Xapian::Query FilteredAll() const { return Filtered(MatchAllQuery()); }

  // An Enquire over full() ranked as the request asks (weights, sort, collapse).
  Xapian::Enquire RankedEnquire() const;

  // The stored article behind a match.
  static std::string StoredId(const std::string& data);
  StatusOr<Article> Load(const Xapian::Document& document, std::string* id) const;

  // One hit; `snippets` may be null (no snippet, title not highlighted).
  StatusOr<Hit> MakeHit(const Xapian::MSetIterator& match, const SnippetMaker* snippets,
                        uint32_t rank) const;
  StatusOr<Hit> MakeHit(const Xapian::Document& document, double weight,
                        const SnippetMaker* snippets, uint32_t rank) const;

  HighlightStyle style() const {
    return {request_.highlight_pre, request_.highlight_post, request_.escape_html};
  }

 private:
  Xapian::Query Filtered(const Xapian::Query& text) const;
  bool Finds(const Xapian::Query& full) const;
  void Choose(const Xapian::Query& text);
  void TryAlternatives(SearchResult& result);

  // A ranked match with Xapian's max-weight skipping left on (search_run_page.cc).
  struct Ranked {
    Xapian::docid docid;
    double weight;
    std::string date;
    std::string collapse_key;
  };
  bool RanksByRelevance() const;
  Xapian::Enquire PlainEnquire(const Xapian::Query& query) const;
  Xapian::Enquire UnrankedEnquire(const Xapian::Query& query) const;
  struct Page {
    std::vector<Ranked> hits;  // from request.offset on
    uint64_t total = 0;
    bool total_is_exact = false;
    uint64_t matches_upper_bound = 0;  // of the match set before collapsing
  };
  // std::nullopt when the two passes cannot settle the page.
  std::optional<Page> FastPage() const;
  std::optional<Page> DateOrderedPage(Xapian::doccount fetch) const;
  std::optional<std::vector<Xapian::docid>> FewMatches(const Xapian::Query& query) const;
  bool Outlasted(std::chrono::steady_clock::time_point started) const;
  Ranked RankedOf(Xapian::docid docid, double weight, const Xapian::Document& document) const;
  static void Collapse(std::vector<Ranked>& ranked);
  Page PageOf(std::vector<Ranked> ranked, bool complete, const Xapian::MSet& estimates) const;
  void CountMatches(SearchResult& result) const;
  // The page's hits, from `page` when set, else from `mset`.
  Status AddHits(const std::optional<Page>& page, const Xapian::MSet& mset,
                 SearchResult& result) const;
  Status AddPageHits(const Page& page, SearchResult& result) const;

  const SearchContext& context_;
  const SearchRequest& request_;
  QueryBuilder builder_;
  Xapian::Query text_, base_, full_, boost_;
};

// Disjunctive, multi-valued facet counts of request.facet_names over `base` (the match
// set without facet selections); sets result.total exactly, or marks facets estimated
// when more than request.facet_exact_limit documents match or counting them outlasts
// `time_limit` seconds (0: none). `matches_upper_bound`, when known, bounds the size of
// `base`'s match set (it spares a probe).
void CountFacets(const SearchContext& context, const SearchRequest& request,
                 const Xapian::Query& base, std::optional<uint64_t> matches_upper_bound,
                 double time_limit, SearchResult& result);

// The query "more like" the article `id`: its most informative terms (Enquire::get_eset
// with the article as the relevant set), excluding the article itself.
StatusOr<Xapian::Query> MoreLikeThis(const Xapian::Database& db, const std::string& id);

// kInvalidArgument for a malformed request (searcher.cc).
Status ValidateRequest(const SearchRequest& request);

std::string DisplayDate(const std::string& value);  // YYYYMMDD → YYYY-MM-DD

}  // namespace archive::query
