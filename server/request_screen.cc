#include "server/request_screen.h"

#include <charconv>

namespace archive::server {
namespace {

bool IsCommonMethod(const std::string& method) {
  return method == "GET" || method == "HEAD" || method == "POST" || method == "OPTIONS";
}

// The declared body length; nullopt when the header is not one plain decimal number.
std::optional<size_t> ContentLength(const httplib::Request& request) {
  if (!request.has_header("Content-Length")) return size_t{0};
  if (request.get_header_value_count("Content-Length") != 1) return std::nullopt;
  const std::string value = request.get_header_value("Content-Length");
  size_t length = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), length);
  if (value.empty() || error != std::errc() || end != value.data() + value.size())
    return std::nullopt;
  return length;
}

std::optional<Refusal> ScreenBody(const httplib::Request& request, const ScreenLimits& limits) {
  if (request.has_header("Transfer-Encoding"))
    return Refusal{ApiError::kBadRequest,
                   "Transfer-Encoding is not accepted; send the body with Content-Length", "",
                   true};
  const std::optional<size_t> length = ContentLength(request);
  if (!length) return Refusal{ApiError::kBadRequest, "malformed Content-Length", "", true};
  if (*length > limits.max_drain_bytes)
    return Refusal{ApiError::kPayloadTooLarge,
                   "the body may hold at most " + std::to_string(limits.max_body_bytes) + " bytes",
                   "", true};
  if (*length > 0 && request.method != "POST")
    return Refusal{ApiError::kBadRequest, request.method.substr(0, 16) + " carries no body", "",
                   true};
  return std::nullopt;
}

}  // namespace

std::optional<Refusal> ScreenRequest(const httplib::Request& request,
                                     const std::vector<RouteSpec>& routes,
                                     const ScreenLimits& limits) {
  if (!HeadersWithinLimits(request, limits.max_header_count, limits.max_header_bytes))
    return Refusal{ApiError::kHeadersTooLarge, "too many or too large request headers", "", true};
  if (std::optional<Refusal> refusal = ScreenBody(request, limits)) return refusal;
  const bool has_body = request.get_header_value("Content-Length") != "" &&
                        request.get_header_value("Content-Length") != "0";
  const RouteSpec* route = FindRoute(routes, request.path);
  if (route != nullptr && !MethodAllowed(route->allow, request.method))
    return Refusal{ApiError::kMethodNotAllowed,
                   request.method.substr(0, 16) +
                       " is not offered here; allowed: " + std::string(route->allow),
                   std::string(route->allow), has_body};
  if (route == nullptr && !IsCommonMethod(request.method))
    return Refusal{ApiError::kNotFound, "no such route: " + request.path.substr(0, 200), "",
                   has_body};
  return std::nullopt;
}

}  // namespace archive::server
