// Searcher: "here is what a person typed, give me ranked hits, facets and snippets", and
// the research tools over the same query path (counts over time, keyword in context,
// streamed export). Opens an index directory read-only; every method is thread-safe (each
// call borrows its own Xapian::Database from a pool). Refresh() picks up a new revision or
// generation: requests already running finish on the state they started with.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/status_or.h"
#include "query/search_types.h"

namespace archive::query {

struct SearcherOptions {
  std::string index_dir;
  // BM25 parameters, chosen by measurement over the judged query set (docs/evaluation.md).
  double bm25_k1 = 1.2;
  double bm25_b = 0.75;
  // Weight factor of the whole query as a phrase in a title (navigational queries);
  // 0 turns the boost off.
  double title_phrase_boost = 3.0;
  bool synonyms = true;  // apply query/synonyms.txt (never in strict mode)
  // A ranked match that runs longer stops early and returns the best hits found so far
  // (Xapian's Enquire time limit): a pathological query cannot hold a worker for long.
  double match_time_limit_s = 0.5;
  // The facet pass evaluates the match set as a bitset (query/match_set.h) and keeps the
  // sets worth keeping per index snapshot, up to this many bytes (0: keeps none).
  size_t match_set_cache_bytes = size_t{96} << 20;
  // false: the facet pass runs Xapian's matcher over every match instead (the way it
  // was before bitsets; the same counts, kept to compare against).
  bool match_set_facets = true;
  // The facet pass runs on a second thread (and database) beside the ranked page when
  // fewer searches run than there are cores: a faceted query then takes the longer of the
  // two, not their sum; the same answers (docs/query-performance.md, "Sixth round").
  bool concurrent_facets = true;
  // The cores searches share, for that decision; 0: std::thread::hardware_concurrency().
  unsigned cores = 0;
  // The facet pass splits a subquery Xapian evaluates with many candidates (a common
  // phrase) over two threads by docid range, with a second database from the pool, when
  // the search has a spare core (see `cores`); the same counts. Measured quiet, it cut the
  // million-article p99 from 252 to 216 ms (docs/query-performance.md, "Sixth round").
  bool parallel_delegation = true;
  // Several index directories or remote shards (tcp://HOST:PORT=DIR) searched as one
  // index (docs/shards.md); when set, index_dir is ignored. An index_dir holding a SHARDS
  // file, or naming a shards file, opens its shards too.
  std::vector<std::string> shards = {};
  int shard_timeout_ms = 5000;  // a remote shard's connect and reply timeout
  // A shard that cannot be reached is left out and the response says it is partial;
  // false: the request fails (kUnavailable) instead.
  bool shard_partial = true;
};

struct SearchContext;  // search_run.h

class Searcher {
 public:
  // kNotFound when there is no index at `index_dir`; kFailedPrecondition when it was
  // built with another schema version.
  static StatusOr<std::unique_ptr<Searcher>> Open(const SearcherOptions& options);
  ~Searcher();

  // kInvalidArgument for a malformed request (never for what a person typed in `query`:
  // any query text yields results, no results, or a clear message); kNotFound when
  // `like_id` names no article.
  StatusOr<SearchResult> Search(const SearchRequest& request) const;

  // Every hit of `request` from `request.offset` on, in rank order, page by page without
  // holding the whole set (`limit` is ignored). Returns the result without hits (total,
  // notices). A visitor returning false stops the export early.
  StatusOr<SearchResult> Export(const SearchRequest& request, const HitVisitor& visit) const;

  // Matching documents and occurrences of the query's words per year or month, raw and
  // per 10,000 words of all documents of the period that pass the request's filters.
  // Every period between the first and the last dated one has a bucket (zeros where no
  // document falls), in every series; undated documents come last.
  StatusOr<std::vector<HistogramBucket>> Histogram(const SearchRequest& request,
                                                   const HistogramRequest& histogram) const;

  // Each occurrence of the query's words in the matching documents (rank order) with
  // `context_words` either side.
  StatusOr<std::vector<KwicLine>> Kwic(const SearchRequest& request, const KwicRequest& kwic) const;

  // Search as you type: completions of the last, partial word of `text` from headline
  // words (then the whole vocabulary), most frequent first, and headlines matching the
  // typed words with the last one as a prefix. At most `limit` of each; empty text or a
  // text ending in a space completes nothing.
  StatusOr<Suggestions> Suggest(const std::string& text, uint32_t limit) const;

  // The stored article `id` as the current index state holds it; kNotFound when no
  // document has that id.
  StatusOr<ArticleRecord> Fetch(const std::string& id) const;

  // Every printed issue the archive knows of (from issue records and the articles'
  // issue numbers), by number.
  StatusOr<IssueList> Issues() const;

  // One issue's table of contents: its articles and its indexed print pages. kNotFound
  // when no document carries issue `number`.
  StatusOr<IssueContents> Issue(int number) const;

  // Switches to the latest committed revision or generation, if it changed.
  Status Refresh() { return SwapInLatest(); }
  // Whether this searcher reads shards (docs/shards.md): probing a remote shard for a new
  // revision costs a connection, probing a local index a file read and a database open.
  bool sharded() const;

 private:
  explicit Searcher(SearcherOptions options);
  // Logically const: a search that finds its snapshot stale refreshes it too.
  Status SwapInLatest() const;
  // Runs `body` against the current snapshot with a borrowed database, refreshing and
  // retrying once when the index moved on underneath.
  Status WithContext(const std::function<Status(SearchContext&)>& body) const;

  SearcherOptions options_;
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace archive::query
