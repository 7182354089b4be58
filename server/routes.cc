#include "server/routes.h"

#include <iostream>
#include <optional>
#include <thread>

#include "server/admin_routes.h"
#include "server/archive_routes.h"
#include "server/bounded_task_queue.h"
#include "server/page_routes.h"
#include "server/reply.h"
#include "server/request_screen.h"
#include "server/request_trace.h"
#include "server/research_routes.h"
#include "server/search_routes.h"

namespace archive::server {
namespace assets {
extern const std::string_view kOpenApiJson;
}  // namespace assets

namespace {

constexpr RouteSpec kOpenApiRoute = {"/api/openapi.json", "GET, HEAD, OPTIONS"};

void RegisterOptions(httplib::Server& server, const ServingState& state,
                     const std::vector<RouteSpec>& routes) {
  for (const RouteSpec& route : routes) {
    if (route.path == kSearchRoute.path) continue;  // search_routes.cc answers its own
    server.Options(RoutePattern(route.path),
                   [&state, allow = route.allow](const httplib::Request& request,
                                                 httplib::Response& response) {
                     state.cors.AnswerOptions(request, allow, response);
                   });
  }
}

// Errors cpp-httplib raises itself (no route, no handler for the method, unparsable
// request, body too large) get the JSON error body; a known route asked with a method it
// does not offer becomes 405 with Allow.
void AnswerUnrouted(const std::vector<RouteSpec>& routes, const httplib::Request& request,
                    httplib::Response& response) {
  if (!response.body.empty()) return;  // a handler already said what went wrong
  const RouteSpec* route = FindRoute(routes, request.path);
  if (route != nullptr && !MethodAllowed(route->allow, request.method) &&
      (response.status == 404 || response.status == 400)) {
    response.set_header("Allow", std::string(route->allow));
    return SendError(
        response, ApiError::kMethodNotAllowed,
        request.method + " is not offered here; allowed: " + std::string(route->allow));
  }
  const ApiError error = ApiErrorForHttpStatus(response.status);
  const std::string message =
      error == ApiError::kNotFound ? "no such route: " + request.path : "the request was refused";
  SendError(response, error, message.substr(0, 300));
}

void LogRequest(ServingState& state, const std::vector<RouteSpec>& routes,
                const httplib::Request& request, const httplib::Response& response) {
  RequestTrace& trace = CurrentTrace();
  const double seconds = TraceSeconds(trace);
  const std::string_view route = RouteLabel(routes, request.path);
  state.metrics.Record(route, request.method, response.status, trace.error_code, seconds);
  AccessLogEntry entry{request.method,
                       route,
                       response.status,
                       response.body.size(),
                       seconds * 1000,
                       trace.error_code,
                       state.options.log_ips ? std::string_view(request.remote_addr) : ""};
  state.log(FormatAccessLogLine(entry, std::chrono::system_clock::now()));
  trace = RequestTrace();
}

void HandleException(const httplib::Request& request, httplib::Response& response,
                     std::exception_ptr error) {
  std::string what = "unknown exception";
  try {
    if (error) std::rethrow_exception(error);
  } catch (const std::exception& e) {
    what = e.what();
  } catch (...) {
  }
  std::cerr << "archive-server: " << request.method << " " << request.path << ": " << what << "\n";
  SendError(response, ApiError::kInternal, "internal error");
}

// The slot a worker thread holds for the request it is answering: taken before routing,
// given back when the handler is done (post-routing, or at the latest by the logger).
SearchGate::Slot& HeldSearchSlot() {
  thread_local SearchGate::Slot slot;
  return slot;
}

bool TakeSearchSlot(ServingState& state, const std::vector<RouteSpec>& gated,
                    const httplib::Request& request) {
  HeldSearchSlot().Release();
  if (request.method == "OPTIONS" || FindRoute(gated, request.path) == nullptr) return true;
  HeldSearchSlot() = state.search_gate.Acquire();
  return HeldSearchSlot().held();
}

void Refuse(const Refusal& refusal, httplib::Response& response) {
  if (!refusal.allow.empty()) response.set_header("Allow", refusal.allow);
  // cpp-httplib 0.11.4 keeps reading the connection, but a client (or proxy) told to
  // close never sends another request down it, so an unread body is never taken for one.
  if (refusal.close) response.set_header("Connection", "close");
  SendError(response, refusal.error, refusal.message);
}

// The hooks every listener shares: traces, limits, CORS, JSON errors, the access log.
// `gated` routes take a SearchGate slot for their handler's run (not OPTIONS).
void InstallPolicy(httplib::Server& server, ServingState& state, std::vector<RouteSpec> routes,
                   std::vector<RouteSpec> gated) {
  RegisterOptions(server, state, routes);
  ScreenLimits limits;
  limits.max_body_bytes = state.options.max_body_bytes;
  limits.max_drain_bytes = std::max(limits.max_drain_bytes, state.options.max_body_bytes);
  limits.max_header_count = state.options.max_header_count;
  limits.max_header_bytes = state.options.max_header_bytes;
  server.set_pre_routing_handler([&state, routes, limits, gated = std::move(gated)](
                                     const httplib::Request& request, httplib::Response& response) {
    CurrentTrace() = {true, std::chrono::steady_clock::now(), {}};
    if (std::optional<Refusal> refusal = ScreenRequest(request, routes, limits)) {
      Refuse(*refusal, response);
      return httplib::Server::HandlerResponse::Handled;
    }
    if (!TakeSearchSlot(state, gated, request)) {
      response.set_header("Retry-After", "1");
      SendError(response, ApiError::kUnavailable, "the server is busy; retry in a moment");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  server.set_post_routing_handler(
      [&state](const httplib::Request& request, httplib::Response& response) {
        HeldSearchSlot().Release();  // the handler is done; writing needs no slot
        state.cors.Apply(request, response);
        // cpp-httplib compresses bodies when the client accepts it: caches must know.
        AddVary(response, "Accept-Encoding");
        response.set_header("X-Content-Type-Options", "nosniff");
      });
  server.set_error_handler([routes](const httplib::Request& request, httplib::Response& response) {
    AnswerUnrouted(routes, request, response);
  });
  server.set_exception_handler(HandleException);
  server.set_logger(
      [&state, routes](const httplib::Request& request, const httplib::Response& response) {
        HeldSearchSlot().Release();
        LogRequest(state, routes, request, response);
      });
}

size_t SearchSlots(int configured) {
  if (configured > 0) return static_cast<size_t>(configured);
  return std::max<size_t>(2, std::thread::hardware_concurrency());
}

}  // namespace

ServingState::ServingState(const query::Searcher& searcher_in, ServerOptions options_in)
    : searcher(searcher_in),
      options(std::move(options_in)),
      cors(options.cors_origins),
      log(options.log_sink ? options.log_sink : StderrLogSink()),
      search_gate(SearchSlots(options.search_slots),
                  std::chrono::milliseconds(std::max(0, options.search_wait_ms))) {}

void ConfigureServer(httplib::Server& server, const ServerOptions& options) {
  const size_t threads = static_cast<size_t>(std::max(1, options.threads));
  const size_t waiting = std::max<size_t>(1, options.max_waiting);
  server.new_task_queue = [threads, waiting] { return new BoundedTaskQueue(threads, waiting); };
  server.set_read_timeout(options.read_timeout_s, 0);
  server.set_write_timeout(options.write_timeout_s, 0);
  server.set_keep_alive_timeout(options.keep_alive_timeout_s);
  server.set_keep_alive_max_count(options.keep_alive_max_requests);
  server.set_payload_max_length(options.max_body_bytes);
  // cpp-httplib writes headers and body in separate sends: with Nagle's algorithm and the
  // client's delayed ACK, every keep-alive response after the first waited ~40 ms.
  server.set_tcp_nodelay(true);
}

void RegisterRoutes(httplib::Server& server, ServingState& state) {
  std::vector<RouteSpec> routes = {kSearchRoute, kOpenApiRoute, kHealthzRoute, kReadyzRoute};
  routes.insert(routes.end(), PageRoutes().begin(), PageRoutes().end());
  routes.insert(routes.end(), ArchiveRoutes().begin(), ArchiveRoutes().end());
  routes.insert(routes.end(), ResearchRoutes().begin(), ResearchRoutes().end());
  RegisterPageRoutes(server, state);
  ServeEmbedded(server, kOpenApiRoute, assets::kOpenApiJson, kJsonType);
  RegisterSearchRoutes(server, state);
  RegisterArchiveRoutes(server, state);
  RegisterResearchRoutes(server, state);
  RegisterHealthRoutes(server, state);
  if (!state.options.admin_token.empty()) {
    RegisterOpsRoutes(server, state, /*require_token=*/true);
    routes.push_back(kMetricsRoute);
    routes.push_back(kStatsRoute);
  }
  std::vector<RouteSpec> gated = {kSearchRoute};
  gated.insert(gated.end(), ArchiveRoutes().begin(), ArchiveRoutes().end());
  gated.insert(gated.end(), ResearchRoutes().begin(), ResearchRoutes().end());
  InstallPolicy(server, state, std::move(routes), std::move(gated));
}

void RegisterAdminRoutes(httplib::Server& server, ServingState& state) {
  RegisterHealthRoutes(server, state);
  RegisterOpsRoutes(server, state, /*require_token=*/false);
  InstallPolicy(server, state, {kHealthzRoute, kReadyzRoute, kMetricsRoute, kStatsRoute}, {});
}

}  // namespace archive::server
