// Browsing the archive: search-as-you-type suggestions, one article and articles like it,
// the printed issues and an issue's contents, and facet counts over the whole archive.
// See docs/api.md.
#pragma once

#include <httplib.h>

#include <vector>

#include "server/http_policy.h"
#include "server/routes.h"

namespace archive::server {

inline constexpr RouteSpec kSuggestRoute = {"/api/suggest", "GET, HEAD, OPTIONS"};
inline constexpr RouteSpec kArticleRoute = {"/api/articles/{id}", "GET, HEAD, OPTIONS"};
inline constexpr RouteSpec kSimilarRoute = {"/api/articles/{id}/similar", "GET, HEAD, OPTIONS"};
inline constexpr RouteSpec kIssuesRoute = {"/api/issues", "GET, HEAD, OPTIONS"};
inline constexpr RouteSpec kIssueRoute = {"/api/issues/{number}", "GET, HEAD, OPTIONS"};
inline constexpr RouteSpec kFacetsRoute = {"/api/facets", "GET, HEAD, OPTIONS"};

inline const std::vector<RouteSpec>& ArchiveRoutes() {
  static const std::vector<RouteSpec> kRoutes = {kSuggestRoute, kArticleRoute, kSimilarRoute,
                                                 kIssuesRoute,  kIssueRoute,   kFacetsRoute};
  return kRoutes;
}

// REQUIRES: `state` outlives `server`.
void RegisterArchiveRoutes(httplib::Server& server, ServingState& state);

}  // namespace archive::server
