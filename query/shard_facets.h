// Facet counting across shards. A remote shard (xapian-tcpsrv) runs only Xapian's built-in
// classes, so the one-pass MatchDecider over the in-memory FacetTable cannot count there;
// ValueCountMatchSpy can: it counts the values of a slot on every shard and Xapian merges
// the counts. Module-internal; throws Xapian::Error.
#pragma once

#include <xapian.h>

#include "query/search_run.h"

namespace archive::query {

// The same facets and total as CountFacets (disjunctive, every value of a multi-valued
// facet counted), always exact: one unranked pass over the match set with every facet
// selection, and one more per facet that is both selected and asked for, without its own
// selection.
void CountShardFacets(const SearchContext& context, const SearchRequest& request,
                      const Xapian::Query& base, SearchResult& result);

}  // namespace archive::query
