#include "server/http_policy.h"

#include <algorithm>
#include <cstdio>

namespace archive::server {
namespace {

std::string_view TrimSpaces(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// Calls `visit` on each trimmed element of a comma-separated header value.
template <typename Visit>
bool AnyListElement(std::string_view list, Visit visit) {
  while (!list.empty()) {
    const size_t comma = list.find(',');
    if (visit(TrimSpaces(list.substr(0, comma)))) return true;
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return false;
}

}  // namespace

bool PathMatches(std::string_view pattern, std::string_view path) {
  while (!pattern.empty() && !path.empty()) {
    const size_t open = pattern.find('{');
    if (open == std::string_view::npos) return pattern == path;
    if (path.substr(0, open) != pattern.substr(0, open)) return false;
    pattern.remove_prefix(pattern.find('}', open) + 1);
    path.remove_prefix(open);
    const size_t segment = std::min(path.find('/'), path.size());
    if (segment == 0) return false;  // a parameter is never empty
    path.remove_prefix(segment);
  }
  return pattern == path;
}

std::string RoutePattern(std::string_view pattern) {
  std::string regex;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{') {
      regex += "([^/]+)";
      i = pattern.find('}', i);
    } else {
      if (pattern[i] == '.') regex += '\\';
      regex += pattern[i];
    }
  }
  return regex;
}

const RouteSpec* FindRoute(const std::vector<RouteSpec>& routes, std::string_view path) {
  for (const RouteSpec& route : routes) {
    if (PathMatches(route.path, path)) return &route;
  }
  return nullptr;
}

bool MethodAllowed(std::string_view allow, std::string_view method) {
  return AnyListElement(allow, [method](std::string_view item) { return item == method; });
}

std::string_view RouteLabel(const std::vector<RouteSpec>& routes, std::string_view path) {
  const RouteSpec* route = FindRoute(routes, path);
  return route != nullptr ? route->path : "other";
}

bool CorsPolicy::Allows(std::string_view origin) const {
  if (origin.empty()) return false;
  return std::any_of(origins_.begin(), origins_.end(), [origin](const std::string& allowed) {
    return allowed == "*" || allowed == origin;
  });
}

void CorsPolicy::Apply(const httplib::Request& request, httplib::Response& response) const {
  if (!enabled()) return;
  AddVary(response, "Origin");
  const std::string origin = request.get_header_value("Origin");
  if (Allows(origin)) response.set_header("Access-Control-Allow-Origin", origin);
}

void CorsPolicy::AnswerOptions(const httplib::Request& request, std::string_view allow,
                               httplib::Response& response) const {
  response.status = 204;
  response.set_header("Allow", std::string(allow));
  const bool preflight = request.has_header("Access-Control-Request-Method");
  if (!preflight || !Allows(request.get_header_value("Origin"))) return;
  response.set_header("Access-Control-Allow-Methods", std::string(allow));
  // Content-Type is the one non-simple header the JSON POST needs.
  response.set_header("Access-Control-Allow-Headers", "Content-Type");
  response.set_header("Access-Control-Max-Age", std::to_string(kPreflightMaxAgeS));
}

uint64_t Fingerprint(std::string_view data, uint64_t seed) {
  uint64_t hash = seed;
  for (unsigned char c : data) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

std::string WeakETag(uint64_t fingerprint) {
  char text[24];
  std::snprintf(text, sizeof(text), "%016llx", static_cast<unsigned long long>(fingerprint));
  return std::string("W/\"") + text + "\"";
}

bool IfNoneMatchHits(const httplib::Request& request, std::string_view etag) {
  if (!request.has_header("If-None-Match")) return false;
  std::string_view opaque = etag;
  if (opaque.starts_with("W/")) opaque.remove_prefix(2);
  const std::string header = request.get_header_value("If-None-Match");
  return AnyListElement(header, [opaque](std::string_view candidate) {
    if (candidate == "*") return true;
    if (candidate.starts_with("W/")) candidate.remove_prefix(2);
    return candidate == opaque;
  });
}

void AddVary(httplib::Response& response, std::string_view value) {
  std::string vary = response.get_header_value("Vary");
  if (AnyListElement(vary, [value](std::string_view item) { return item == value; })) return;
  vary = vary.empty() ? std::string(value) : vary + ", " + std::string(value);
  response.headers.erase("Vary");  // set_header adds a line; Vary must stay one
  response.set_header("Vary", vary);
}

bool HeadersWithinLimits(const httplib::Request& request, size_t max_count, size_t max_bytes) {
  if (request.headers.size() > max_count) return false;
  size_t bytes = 0;
  for (const auto& [name, value] : request.headers) bytes += name.size() + value.size() + 4;
  return bytes <= max_bytes;
}

}  // namespace archive::server
