// Searcher: "here is what a person typed, give me ranked hits, facets and snippets".
// Opens an index directory read-only; Search() is thread-safe (each call borrows its own
// Xapian::Database from a pool). Refresh() picks up a new revision or generation: requests
// already running finish on the state they started with.
#pragma once

#include <memory>
#include <string>

#include "core/status_or.h"
#include "query/search_types.h"

namespace archive::query {

struct SearcherOptions {
  std::string index_dir;
};

class Searcher {
 public:
  // kNotFound when there is no index at `index_dir`; kFailedPrecondition when it was
  // built with another schema version.
  static StatusOr<std::unique_ptr<Searcher>> Open(const SearcherOptions& options);
  ~Searcher();

  // kInvalidArgument for a malformed request (never for what a person typed in `query`:
  // any query text yields results, no results, or a clear message).
  StatusOr<SearchResult> Search(const SearchRequest& request) const;

  // Switches to the latest committed revision or generation, if it changed.
  Status Refresh() { return SwapInLatest(); }

 private:
  explicit Searcher(SearcherOptions options);
  // Logically const: a search that finds its snapshot stale refreshes it too.
  Status SwapInLatest() const;

  SearcherOptions options_;
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace archive::query
