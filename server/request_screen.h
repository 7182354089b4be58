// The pre-routing screen: what a request may not do, decided from its request line and
// headers alone, before cpp-httplib reads a byte of its body. cpp-httplib 0.11.4 would
// otherwise read a body for any method (PUT, PATCH, a GET with Content-Length) and take
// chunked bodies of any framing; refusing here keeps workers and memory out of it.
#pragma once

#include <httplib.h>

#include <optional>
#include <string>
#include <vector>

#include "server/error_mapping.h"
#include "server/http_policy.h"

namespace archive::server {

struct ScreenLimits {
  size_t max_body_bytes = 64 * 1024;
  // A body above max_body_bytes but within this is left to cpp-httplib, which reads and
  // discards it and answers 413, so that an ordinary client can read the answer; above
  // it, the refusal comes at once and the connection is given up.
  size_t max_drain_bytes = 4 * 1024 * 1024;
  size_t max_header_count = 64;
  size_t max_header_bytes = 16 * 1024;  // all header names and values together
};

struct Refusal {
  ApiError error;
  std::string message;
  std::string allow;  // for 405: the route's methods
  // The body was left unread, so the connection cannot carry another request: the
  // response says "Connection: close" (a proxy then never reuses it for someone else).
  bool close = false;
};

// Nothing when the request may go on to routing. Rules, in order: header count and size;
// no Transfer-Encoding (a body must state its Content-Length); Content-Length a number
// within max_drain_bytes; a body only with POST; on a known route, only its methods; on an
// unknown route, only GET, HEAD, POST and OPTIONS (the rest is 404 at once).
std::optional<Refusal> ScreenRequest(const httplib::Request& request,
                                     const std::vector<RouteSpec>& routes,
                                     const ScreenLimits& limits);

}  // namespace archive::server
