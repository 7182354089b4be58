// The HTTP surface of the archive. Two listeners share one ServingState:
//  - the public one: search page, JSON search API, OpenAPI document, health and
//    readiness (and the admin routes too, behind a bearer token, when one is set);
//  - the admin one (loopback by default): metrics and query statistics.
// Handlers only translate HTTP into a SearchRequest and a SearchResult into JSON; the
// query path lives in query/.
#pragma once

#include <httplib.h>

#include <string>
#include <vector>

#include "query/searcher.h"
#include "server/access_log.h"
#include "server/http_policy.h"
#include "server/metrics.h"
#include "server/query_stats.h"
#include "server/search_gate.h"

namespace archive::server {

struct ServerOptions {
  std::string bind = "127.0.0.1";
  int port = 8080;  // 0 picks a free port
  // Connection workers, started on demand: cpp-httplib holds one per open connection,
  // slow ones included, so there are many; the CPU work is bounded by search_slots.
  int threads = 256;
  size_t max_waiting = 256;   // accepted connections waiting for a worker
  int search_slots = 0;       // searches running at once; 0: the number of cores (at least 2)
  int search_wait_ms = 1000;  // a request waits this long for a slot, then gets 503
  int read_timeout_s = 3;     // per read; slow clients must not hold a worker for long
  int write_timeout_s = 5;
  int keep_alive_timeout_s = 5;  // an idle keep-alive connection holds a worker this long
  size_t keep_alive_max_requests = 100;
  size_t max_body_bytes = 64 * 1024;
  size_t max_header_count = 64;
  size_t max_header_bytes = 16 * 1024;  // all header names and values together
  // (the request line and each header line are capped at 8 KiB by cpp-httplib itself)
  std::vector<std::string> cors_origins;  // origins allowed to call the API; "*" for any
  // Non-empty: /metrics and /api/stats are also served on the public listener to
  // requests carrying "Authorization: Bearer <admin_token>".
  std::string admin_token;
  bool log_ips = false;  // put client addresses in the access log
  LogSink log_sink;      // access log lines; empty: standard error
};

// What every handler shares. Owned by the caller (main or a test); outlives both
// listeners. Thread-safe.
struct ServingState {
  ServingState(const query::Searcher& searcher, ServerOptions options);

  const query::Searcher& searcher;
  const ServerOptions options;
  const CorsPolicy cors;
  const LogSink log;
  Metrics metrics;
  QueryStats query_stats;
  SearchGate search_gate;  // shared by the public listener's search-like routes
};

// Worker pool, limits and timeouts; call before listening.
void ConfigureServer(httplib::Server& server, const ServerOptions& options);

// The public listener's routes and policies. REQUIRES: `state` outlives `server`.
void RegisterRoutes(httplib::Server& server, ServingState& state);

// The admin listener's routes and policies. REQUIRES: `state` outlives `server`.
void RegisterAdminRoutes(httplib::Server& server, ServingState& state);

}  // namespace archive::server
