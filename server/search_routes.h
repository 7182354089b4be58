// /api/search: GET with query parameters, POST with the same fields as a JSON object,
// OPTIONS for CORS preflights. See docs/api.md.
#pragma once

#include <httplib.h>

#include "server/http_policy.h"
#include "server/routes.h"

namespace archive::server {

inline constexpr RouteSpec kSearchRoute = {"/api/search", "GET, HEAD, POST, OPTIONS"};

// REQUIRES: `state` outlives `server`.
void RegisterSearchRoutes(httplib::Server& server, ServingState& state);

}  // namespace archive::server
