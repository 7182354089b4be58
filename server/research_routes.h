// Research tools over a query: use over time (/api/histogram), keyword in context
// (/api/kwic) and the whole result set as a file (/api/export, streamed). See docs/api.md.
#pragma once

#include <httplib.h>

#include <vector>

#include "server/http_policy.h"
#include "server/routes.h"

namespace archive::server {

inline constexpr RouteSpec kHistogramRoute = {"/api/histogram", "GET, HEAD, OPTIONS"};
inline constexpr RouteSpec kKwicRoute = {"/api/kwic", "GET, HEAD, OPTIONS"};
inline constexpr RouteSpec kExportRoute = {"/api/export", "GET, HEAD, OPTIONS"};

inline const std::vector<RouteSpec>& ResearchRoutes() {
  static const std::vector<RouteSpec> kRoutes = {kHistogramRoute, kKwicRoute, kExportRoute};
  return kRoutes;
}

// REQUIRES: `state` outlives `server`.
void RegisterResearchRoutes(httplib::Server& server, ServingState& state);

}  // namespace archive::server
