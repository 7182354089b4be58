// The reader's side of the server: the search page and its assets (compiled into the
// binary), the WordPress drop-in /widget.js, and /search, the results rendered by the
// server in plain HTML for browsers without JavaScript. See docs/page.md.
#pragma once

#include <httplib.h>

#include <string_view>
#include <vector>

#include "server/http_policy.h"
#include "server/routes.h"

namespace archive::server {

inline constexpr RouteSpec kPageRoute = {"/", "GET, HEAD, OPTIONS"};
inline constexpr RouteSpec kAppJsRoute = {"/app.js", "GET, HEAD, OPTIONS"};
inline constexpr RouteSpec kStyleRoute = {"/style.css", "GET, HEAD, OPTIONS"};
inline constexpr RouteSpec kWidgetRoute = {"/widget.js", "GET, HEAD, OPTIONS"};
inline constexpr RouteSpec kResultsPageRoute = {"/search", "GET, HEAD, OPTIONS"};
// Views of the page's script: the same document, which reads its path.
inline constexpr RouteSpec kArticlePageRoute = {"/article/{id}", "GET, HEAD, OPTIONS"};
inline constexpr RouteSpec kIssuesPageRoute = {"/issues", "GET, HEAD, OPTIONS"};
inline constexpr RouteSpec kIssuePageRoute = {"/issues/{number}", "GET, HEAD, OPTIONS"};

inline const std::vector<RouteSpec>& PageRoutes() {
  static const std::vector<RouteSpec> kRoutes = {
      kPageRoute,        kAppJsRoute,       kStyleRoute,      kWidgetRoute,
      kResultsPageRoute, kArticlePageRoute, kIssuesPageRoute, kIssuePageRoute};
  return kRoutes;
}

// An embedded file at `route` (whose path may hold "{name}" segments): it changes only
// with the binary, so it is cacheable and revalidated by its content hash (ETag).
void ServeEmbedded(httplib::Server& server, const RouteSpec& route, std::string_view content,
                   const char* content_type);

// REQUIRES: `state` outlives `server`.
void RegisterPageRoutes(httplib::Server& server, ServingState& state);

}  // namespace archive::server
