// The HTTP surface of the archive: JSON search API, health check and the search page.
// Handlers only translate HTTP into a SearchRequest and a SearchResult into JSON; the
// query path lives in query/.
#pragma once

#include <httplib.h>

#include "query/searcher.h"

namespace archive::server {

struct ServerOptions {
  std::string bind = "127.0.0.1";
  int port = 8080;         // 0 picks a free port
  int threads = 16;        // cpp-httplib holds one per open keep-alive connection
  int read_timeout_s = 5;  // slow clients must not hold a worker for long
  int write_timeout_s = 5;
  size_t max_body_bytes = 64 * 1024;
};

// Limits, timeouts and the worker pool; call before listening.
void ConfigureServer(httplib::Server& server, const ServerOptions& options);

// REQUIRES: `searcher` outlives `server`'s listening.
void RegisterRoutes(httplib::Server& server, const query::Searcher& searcher);

}  // namespace archive::server
