#include "server/research_routes.h"

#include <iostream>
#include <sstream>

#include "server/reply.h"
#include "server/research_codec.h"

namespace archive::server {
namespace {

// Bytes gathered before a chunk goes out: few syscalls, little memory per export.
constexpr std::streamoff kExportChunkBytes = 64 * 1024;

void HandleHistogram(const ServingState& state, const httplib::Request& request,
                     httplib::Response& response) {
  StatusOr<HistogramCall> call = DecodeHistogramParams(request.params);
  if (!call.ok()) return SendStatusError(response, call.status());
  auto buckets = state.searcher.Histogram(call->request, call->histogram);
  if (!buckets.ok()) return SendStatusError(response, buckets.status());
  response.set_header("Cache-Control", "no-cache");
  SendJson(response, EncodeHistogram(*call, *buckets));
}

void HandleKwic(const ServingState& state, const httplib::Request& request,
                httplib::Response& response) {
  StatusOr<KwicCall> call = DecodeKwicParams(request.params);
  if (!call.ok()) return SendStatusError(response, call.status());
  auto lines = state.searcher.Kwic(call->request, call->kwic);
  if (!lines.ok()) return SendStatusError(response, lines.status());
  response.set_header("Cache-Control", "no-cache");
  SendJson(response, EncodeKwic(*call, *lines));
}

// Writes the export through the shared output/ writer, a chunk at a time. Returns false
// (cpp-httplib then drops the connection) when the client went away or the index failed
// mid-way: a cut-off chunked transfer tells the client the file is incomplete, where a
// clean end would not.
bool StreamExport(const query::Searcher& searcher, const ExportCall& call,
                  httplib::DataSink& sink) {
  std::ostringstream buffer;
  std::unique_ptr<output::ResultWriter> writer = output::MakeWriter(call.format, buffer);
  bool open = true;
  auto flush = [&] {
    const std::string bytes = buffer.str();
    buffer.str("");
    if (open && !bytes.empty()) open = sink.write(bytes.data(), bytes.size());
  };
  writer->Begin(nullptr);
  uint32_t rows = 0;
  StatusOr<query::SearchResult> result = searcher.Export(call.request, [&](const query::Hit& hit) {
    writer->Write(hit);
    if (buffer.tellp() >= kExportChunkBytes) flush();
    return open && ++rows < call.max_rows;
  });
  if (!result.ok()) {
    std::cerr << "archive-server: export stopped: " << result.status().ToString() << "\n";
    return false;
  }
  writer->End(*result);
  flush();
  if (open) sink.done();
  return open;
}

void HandleExport(const ServingState& state, const httplib::Request& request,
                  httplib::Response& response) {
  StatusOr<ExportCall> call = DecodeExportParams(request.params);
  if (!call.ok()) return SendStatusError(response, call.status());
  // Errors (an index that fails, a bad request the engine refuses) must reach the client
  // as a status, which is possible only before the 200 is sent: count first.
  query::SearchRequest count = call->request;
  count.count_only = true;
  StatusOr<query::SearchResult> counted = state.searcher.Search(count);
  if (!counted.ok()) return SendStatusError(response, counted.status());
  response.set_header("Cache-Control", "no-store");
  response.set_header("Content-Disposition", std::string("attachment; filename=\"archive-export.") +
                                                 ExportExtension(call->format) + "\"");
  const query::Searcher& searcher = state.searcher;
  response.set_chunked_content_provider(
      ExportContentType(call->format),
      [&searcher, export_call = std::move(call).value()](size_t, httplib::DataSink& sink) {
        return StreamExport(searcher, export_call, sink);
      });
}

using Handler = void (*)(const ServingState&, const httplib::Request&, httplib::Response&);

}  // namespace

void RegisterResearchRoutes(httplib::Server& server, ServingState& state) {
  const std::pair<const RouteSpec&, Handler> routes[] = {
      {kHistogramRoute, HandleHistogram}, {kKwicRoute, HandleKwic}, {kExportRoute, HandleExport}};
  for (const auto& [route, handler] : routes) {
    server.Get(std::string(route.path),
               [&state, handler](const httplib::Request& request, httplib::Response& response) {
                 handler(state, request, response);
               });
  }
}

}  // namespace archive::server
