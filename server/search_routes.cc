#include "server/search_routes.h"

#include <cctype>
#include <chrono>
#include <optional>

#include "server/json_codec.h"
#include "server/reply.h"

namespace archive::server {
namespace {

using Clock = std::chrono::steady_clock;

// Runs the search; an error has been sent when this returns nothing.
std::optional<query::SearchResult> Search(ServingState& state, const SearchCall& call,
                                          httplib::Response& response) {
  StatusOr<query::SearchResult> result = RunSearch(state, call.request);
  if (!result.ok()) {
    SendStatusError(response, result.status());
    return std::nullopt;
  }
  return std::move(result).value();
}

std::string Encode(const SearchCall& call, const query::SearchResult& result,
                   Clock::time_point started) {
  if (call.ids_only) return EncodeSearchIds(result);
  const double took_ms = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
  return EncodeSearchResult(call.request, result, took_ms);
}

// The answer to a GET changes only with the index state and the parameters, so they make
// its validator. A match still costs the search (the state is known only after it), but
// not the transfer.
std::string SearchETag(const httplib::Request& request, const query::SearchResult& result) {
  std::string key = std::to_string(result.generation) + "." + std::to_string(result.revision) + "?";
  for (const auto& [name, value] : request.params) key += name + "=" + value + "&";
  return WeakETag(Fingerprint(key));
}

void HandleGet(ServingState& state, const httplib::Request& request, httplib::Response& response) {
  const Clock::time_point started = Clock::now();
  StatusOr<SearchCall> call = DecodeSearchParams(request.params);
  if (!call.ok()) return SendStatusError(response, call.status());
  std::optional<query::SearchResult> result = Search(state, *call, response);
  if (!result) return;
  const std::string etag = SearchETag(request, *result);
  response.set_header("ETag", etag);
  response.set_header("Cache-Control", "no-cache");  // cache, but ask each time
  if (IfNoneMatchHits(request, etag)) {
    response.status = 304;
    return;
  }
  SendJson(response, Encode(*call, *result, started));
}

bool IsJsonContentType(std::string content_type) {
  for (char& c : content_type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return content_type == "application/json" || content_type.starts_with("application/json;");
}

void HandlePost(ServingState& state, const httplib::Request& request, httplib::Response& response) {
  const Clock::time_point started = Clock::now();
  response.set_header("Cache-Control", "no-store");
  if (!IsJsonContentType(request.get_header_value("Content-Type")))
    return SendError(response, ApiError::kUnsupportedMediaType,
                     "Content-Type: must be application/json");
  bool malformed = false;
  StatusOr<Params> params = ParseSearchBody(request.body, &malformed);
  if (!params.ok())
    return SendError(response, malformed ? ApiError::kInvalidJson : ApiError::kInvalidParameter,
                     params.status().message());
  StatusOr<SearchCall> call = DecodeSearchParams(*params);
  if (!call.ok()) return SendStatusError(response, call.status());
  std::optional<query::SearchResult> result = Search(state, *call, response);
  if (result) SendJson(response, Encode(*call, *result, started));
}

}  // namespace

StatusOr<query::SearchResult> RunSearch(ServingState& state, const query::SearchRequest& request) {
  StatusOr<query::SearchResult> result = state.searcher.Search(request);
  if (result.ok() && request.offset == 0)
    state.query_stats.Record(request.query, result->total == 0);
  return result;
}

void RegisterSearchRoutes(httplib::Server& server, ServingState& state) {
  const std::string path(kSearchRoute.path);
  server.Get(path, [&state](const httplib::Request& request, httplib::Response& response) {
    HandleGet(state, request, response);
  });
  server.Post(path, [&state](const httplib::Request& request, httplib::Response& response) {
    HandlePost(state, request, response);
  });
  server.Options(path, [&state](const httplib::Request& request, httplib::Response& response) {
    state.cors.AnswerOptions(request, kSearchRoute.allow, response);
  });
}

}  // namespace archive::server
