// ConcurrentFacets: the facet pass of one request on a thread and a database of its own,
// beside the ranked page. The two are a query's largest parts and need nothing from each
// other (the page its best matches, the facet pass every match), so on two cores the
// slower alone sets the latency, not their sum. Module-internal.
#pragma once

#include <xapian.h>

#include <memory>

#include "query/helper_thread.h"
#include "query/search_run.h"

namespace archive::query {

class ConcurrentFacets {
 public:
  // Starts CountFacets(`base`) for `request` on another thread; null when it cannot run
  // aside (a sharded snapshot, a query Xapian cannot copy, a database of the pool at
  // another revision than the snapshot's): the caller counts in line then.
  // REQUIRES: `context` and `request` outlive the object.
  static std::unique_ptr<ConcurrentFacets> Start(const SearchContext& context,
                                                 const SearchRequest& request,
                                                 const Xapian::Query& base, double time_limit);
  ~ConcurrentFacets() = default;  // waits for the thread (HelperThread's destructor)

  // Waits for the pass and moves its facets, and its total when exact, into `result`.
  // Rethrows what the pass threw (Xapian::Error).
  void Finish(SearchResult& result);

 private:
  ConcurrentFacets(const SearchContext& context, std::unique_ptr<Xapian::Database> db,
                   Xapian::Query base);

  std::unique_ptr<Xapian::Database> db_;
  const Xapian::Query base_;  // a tree of its own: Xapian counts references without atomics
  const SearchContext context_;
  SearchResult counted_;
  HelperThread thread_;  // last: joined before the members it uses go
};

}  // namespace archive::query
