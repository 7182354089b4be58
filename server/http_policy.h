// HTTP rules that apply across routes: which methods a route offers (405 + Allow), CORS
// for an allow-list of origins, validators (ETag / If-None-Match) and request header
// limits. Pure functions over cpp-httplib's Request/Response; the hooks that call them
// are installed by routes.cc.
#pragma once

#include <httplib.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace archive::server {

// A route a listener serves and the methods it offers, as an Allow header value. The path
// may hold "{name}" parameters; it is also the route's label in metrics and logs.
struct RouteSpec {
  std::string_view path;
  std::string_view allow;
};

// True when `path` is `pattern`, where each "{name}" in the pattern stands for one
// non-empty path segment ("/api/articles/{id}").
bool PathMatches(std::string_view pattern, std::string_view path);

// The pattern as a cpp-httplib route regex: each "{name}" becomes a capture group.
std::string RoutePattern(std::string_view pattern);

// The route whose pattern matches this path, or nullptr.
const RouteSpec* FindRoute(const std::vector<RouteSpec>& routes, std::string_view path);

// True when `method` is one of the comma-separated `allow` list.
bool MethodAllowed(std::string_view allow, std::string_view method);

// A bounded label for metrics and logs: the route's path, or "other".
std::string_view RouteLabel(const std::vector<RouteSpec>& routes, std::string_view path);

// Cross-origin access for browsers on other sites. An allowed Origin is echoed back
// (never "*" with credentials); "*" in the list allows every origin.
class CorsPolicy {
 public:
  static constexpr int kPreflightMaxAgeS = 600;

  explicit CorsPolicy(std::vector<std::string> origins) : origins_(std::move(origins)) {}

  bool enabled() const { return !origins_.empty(); }
  bool Allows(std::string_view origin) const;

  // Adds Access-Control-Allow-Origin for an allowed Origin, and Vary: Origin whenever
  // the answer depends on it.
  void Apply(const httplib::Request& request, httplib::Response& response) const;

  // Answers an OPTIONS request for a route offering `allow`: 204 with Allow, plus the
  // Access-Control-Allow-* headers when it is a preflight from an allowed origin.
  void AnswerOptions(const httplib::Request& request, std::string_view allow,
                     httplib::Response& response) const;

 private:
  std::vector<std::string> origins_;
};

// 64-bit FNV-1a: a stable, cheap fingerprint for validators (not for security).
uint64_t Fingerprint(std::string_view data, uint64_t seed = 14695981039346656037ull);

// W/"<16 hex digits>". Weak, because the bytes differ with compression (and took_ms).
std::string WeakETag(uint64_t fingerprint);

// True when the request's If-None-Match names `etag` (weak comparison) or is "*".
bool IfNoneMatchHits(const httplib::Request& request, std::string_view etag);

// Adds Vary: value to the response without repeating a value already there.
void AddVary(httplib::Response& response, std::string_view value);

// Header limits cpp-httplib 0.11.4 has no setter for: it caps each line (8 KiB) but not
// their number. Returns false when the request's headers exceed them.
bool HeadersWithinLimits(const httplib::Request& request, size_t max_count, size_t max_bytes);

}  // namespace archive::server
