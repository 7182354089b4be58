#include "server/routes.h"

#include <chrono>
#include <iostream>
#include <string_view>

#include "server/error_mapping.h"
#include "server/json_codec.h"

namespace archive::server {
namespace assets {
extern const std::string_view kSearchPageHtml;
}  // namespace assets

namespace {

constexpr const char* kJson = "application/json; charset=utf-8";

void SendError(httplib::Response& response, const Status& status) {
  HttpError error = ToHttpError(status.code());
  response.status = error.http_status;
  if (error.http_status >= 500) {
    std::cerr << "archive-server: " << status.ToString() << "\n";
  }
  // Internal details stay in the log; a client learns only what it can act on.
  std::string message =
      error.http_status >= 500 && error.http_status != 503 ? "internal error" : status.message();
  response.set_content(EncodeError(error.code, message), kJson);
}

void HandleSearch(const query::Searcher& searcher, const httplib::Request& request,
                  httplib::Response& response) {
  const auto started = std::chrono::steady_clock::now();
  StatusOr<query::SearchRequest> search = DecodeSearchParams(request.params);
  if (!search.ok()) return SendError(response, search.status());
  StatusOr<query::SearchResult> result = searcher.Search(*search);
  if (!result.ok()) return SendError(response, result.status());
  const double took_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  response.set_header("Cache-Control", "no-cache");
  response.set_content(EncodeSearchResult(*search, *result, took_ms), kJson);
}

}  // namespace

void ConfigureServer(httplib::Server& server, const ServerOptions& options) {
  const size_t threads = static_cast<size_t>(std::max(1, options.threads));
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server.set_read_timeout(options.read_timeout_s, 0);
  server.set_write_timeout(options.write_timeout_s, 0);
  server.set_keep_alive_timeout(5);
  server.set_keep_alive_max_count(100);
  server.set_payload_max_length(options.max_body_bytes);
}

void RegisterRoutes(httplib::Server& server, const query::Searcher& searcher) {
  server.Get("/api/search",
             [&searcher](const httplib::Request& request, httplib::Response& response) {
               HandleSearch(searcher, request, response);
             });
  server.Get("/healthz", [](const httplib::Request&, httplib::Response& response) {
    response.set_content(R"({"status":"ok"})", kJson);
  });
  server.Get("/", [](const httplib::Request&, httplib::Response& response) {
    response.set_content(assets::kSearchPageHtml.data(), assets::kSearchPageHtml.size(),
                         "text/html; charset=utf-8");
  });
  server.set_error_handler([](const httplib::Request& request, httplib::Response& response) {
    if (!response.body.empty()) return;
    if (response.status == 404) {
      response.set_content(EncodeError("not_found", "no such route: " + request.path), kJson);
    } else if (response.status == 405) {
      response.set_content(EncodeError("method_not_allowed", request.method), kJson);
    } else if (response.status >= 400 && response.status < 500) {
      response.set_content(EncodeError("bad_request", "malformed request"), kJson);
    }
  });
  // Last resort only: handlers return statuses, they do not throw.
  server.set_exception_handler(
      [](const httplib::Request& request, httplib::Response& response, std::exception_ptr error) {
        std::string what = "unknown exception";
        try {
          if (error) std::rethrow_exception(error);
        } catch (const std::exception& e) {
          what = e.what();
        } catch (...) {
        }
        std::cerr << "archive-server: " << request.path << ": " << what << "\n";
        response.status = 500;
        response.set_content(EncodeError("internal", "internal error"), kJson);
      });
}

}  // namespace archive::server
