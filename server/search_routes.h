// /api/search: GET with query parameters, POST with the same fields as a JSON object,
// OPTIONS for CORS preflights. See docs/api.md.
#pragma once

#include <httplib.h>

#include "core/status_or.h"
#include "query/search_types.h"
#include "server/http_policy.h"
#include "server/routes.h"

namespace archive::server {

inline constexpr RouteSpec kSearchRoute = {"/api/search", "GET, HEAD, POST, OPTIONS"};

// The one way a handler searches: the searcher's answer, counted in the query statistics
// (first pages only, so that paging through one query does not inflate it). Used by
// /api/search and by the server-rendered results page.
StatusOr<query::SearchResult> RunSearch(ServingState& state, const query::SearchRequest& request);

// REQUIRES: `state` outlives `server`.
void RegisterSearchRoutes(httplib::Server& server, ServingState& state);

}  // namespace archive::server
