// Operational routes: liveness (/healthz), readiness (/readyz), Prometheus metrics
// (/metrics) and query statistics (/api/stats).
#pragma once

#include <httplib.h>

#include "core/status_or.h"
#include "server/http_policy.h"
#include "server/metrics.h"
#include "server/routes.h"

namespace archive::server {

inline constexpr RouteSpec kHealthzRoute = {"/healthz", "GET, HEAD, OPTIONS"};
inline constexpr RouteSpec kReadyzRoute = {"/readyz", "GET, HEAD, OPTIONS"};
inline constexpr RouteSpec kMetricsRoute = {"/metrics", "GET, HEAD, OPTIONS"};
inline constexpr RouteSpec kStatsRoute = {"/api/stats", "GET, HEAD, OPTIONS"};

// Runs a tiny search (count the articles, no hits, no facets) to learn whether the index
// answers and what state it is in.
StatusOr<IndexGauges> ProbeIndex(const query::Searcher& searcher);

// /healthz and /readyz. REQUIRES: `state` outlives `server`.
void RegisterHealthRoutes(httplib::Server& server, ServingState& state);

// /metrics and /api/stats. With `require_token`, only for requests carrying
// "Authorization: Bearer <state.options.admin_token>" (401 otherwise).
void RegisterOpsRoutes(httplib::Server& server, ServingState& state, bool require_token);

}  // namespace archive::server
