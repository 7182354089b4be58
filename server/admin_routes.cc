#include "server/admin_routes.h"

#include <nlohmann/json.hpp>

#include "server/reply.h"

namespace archive::server {
namespace {

using nlohmann::json;
using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;

// Compares in time independent of where the strings differ, so that the token cannot be
// guessed byte by byte from response times (its length is no secret).
bool SameSecret(std::string_view given, std::string_view expected) {
  if (given.size() != expected.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < given.size(); ++i)
    diff = static_cast<unsigned char>(diff | (given[i] ^ expected[i]));
  return diff == 0;
}

Handler WithToken(const ServingState& state, Handler handler) {
  return [&state, handler](const httplib::Request& request, httplib::Response& response) {
    const std::string expected = "Bearer " + state.options.admin_token;
    if (!SameSecret(request.get_header_value("Authorization"), expected)) {
      response.set_header("WWW-Authenticate", "Bearer");
      return SendError(response, ApiError::kUnauthorized, "admin token required");
    }
    handler(request, response);
  };
}

json CountsJson(const std::vector<QueryCount>& counts) {
  json list = json::array();
  for (const QueryCount& count : counts)
    list.push_back({{"query", count.query}, {"count", count.count}, {"error", count.error}});
  return list;
}

void HandleStats(const ServingState& state, httplib::Response& response) {
  const QueryStatsSnapshot stats = state.query_stats.Snapshot();
  json body = {{"searches", stats.searches},
               {"zero_result_searches", stats.zero_results},
               {"capacity", QueryStats::kCapacity},
               {"popular", CountsJson(stats.popular)},
               {"zero_results", CountsJson(stats.zero_result)}};
  response.set_header("Cache-Control", "no-store");
  SendJson(response, body.dump(-1, ' ', false, json::error_handler_t::replace));
}

void HandleMetrics(const ServingState& state, httplib::Response& response) {
  StatusOr<IndexGauges> index = ProbeIndex(state.searcher);
  response.set_header("Cache-Control", "no-store");
  response.set_content(
      state.metrics.RenderPrometheus(index.ok() ? std::optional(*index) : std::nullopt),
      "text/plain; version=0.0.4; charset=utf-8");
}

void HandleReadyz(const ServingState& state, httplib::Response& response) {
  response.set_header("Cache-Control", "no-store");
  StatusOr<IndexGauges> index = ProbeIndex(state.searcher);
  if (!index.ok()) return SendError(response, ApiError::kNotReady, index.status().message());
  SendJson(response, json({{"status", "ready"},
                           {"generation", index->generation},
                           {"revision", index->revision},
                           {"articles", index->articles}})
                         .dump());
}

}  // namespace

StatusOr<IndexGauges> ProbeIndex(const query::Searcher& searcher) {
  query::SearchRequest request;  // empty query: every article
  request.count_only = true;
  request.limit = 1;
  request.want_facets = false;
  request.snippet_words = 0;
  ARCHIVE_ASSIGN_OR_RETURN(query::SearchResult result, searcher.Search(request));
  return IndexGauges{result.generation, result.revision, result.total};
}

void RegisterHealthRoutes(httplib::Server& server, ServingState& state) {
  server.Get(std::string(kHealthzRoute.path),
             [](const httplib::Request&, httplib::Response& response) {
               response.set_header("Cache-Control", "no-store");
               SendJson(response, R"({"status":"ok"})");
             });
  server.Get(std::string(kReadyzRoute.path),
             [&state](const httplib::Request&, httplib::Response& response) {
               HandleReadyz(state, response);
             });
}

void RegisterOpsRoutes(httplib::Server& server, ServingState& state, bool require_token) {
  Handler metrics = [&state](const httplib::Request&, httplib::Response& response) {
    HandleMetrics(state, response);
  };
  Handler stats = [&state](const httplib::Request&, httplib::Response& response) {
    HandleStats(state, response);
  };
  if (require_token) {
    metrics = WithToken(state, std::move(metrics));
    stats = WithToken(state, std::move(stats));
  }
  server.Get(std::string(kMetricsRoute.path), metrics);
  server.Get(std::string(kStatsRoute.path), stats);
}

}  // namespace archive::server
