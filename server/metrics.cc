#include "server/metrics.h"

#include <cstdio>

namespace archive::server {
namespace {

// Shortest round-trip text, as Prometheus clients print floats.
std::string Number(double value) {
  char text[32] = "";
  double back = 0;
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(text, sizeof(text), "%.*g", precision, value);
    if (std::sscanf(text, "%lf", &back) == 1 && back == value) break;
  }
  return text;
}

void Header(std::string& out, std::string_view name, std::string_view type, std::string_view help) {
  out.append("# HELP ").append(name).append(" ").append(help).append("\n");
  out.append("# TYPE ").append(name).append(" ").append(type).append("\n");
}

}  // namespace

void Metrics::Record(std::string_view route, std::string_view method, int status,
                     std::string_view error_code, double seconds) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++requests_[{std::string(route), std::string(method), status}];
  Histogram& histogram = latency_[std::string(route)];
  size_t bucket = 0;
  while (bucket < kBuckets.size() && seconds > kBuckets[bucket]) ++bucket;
  if (bucket < kBuckets.size()) ++histogram.counts[bucket];
  ++histogram.count;
  histogram.sum += seconds;
  if (!error_code.empty()) ++errors_[std::string(error_code)];
}

void Metrics::RenderRequests(std::string& out) const {
  Header(out, "archive_http_requests_total", "counter", "HTTP requests answered.");
  for (const auto& [key, count] : requests_) {
    const auto& [route, method, status] = key;
    out += "archive_http_requests_total{route=\"" + route + "\",method=\"" + method +
           "\",status=\"" + std::to_string(status) + "\"} " + std::to_string(count) + "\n";
  }
}

void Metrics::RenderLatency(std::string& out) const {
  Header(out, "archive_http_request_duration_seconds", "histogram",
         "Time from routing a request to sending its response.");
  for (const auto& [route, histogram] : latency_) {
    const std::string label = "route=\"" + route + "\"";
    uint64_t cumulative = 0;
    for (size_t i = 0; i < kBuckets.size(); ++i) {
      cumulative += histogram.counts[i];
      out += "archive_http_request_duration_seconds_bucket{" + label + ",le=\"" +
             Number(kBuckets[i]) + "\"} " + std::to_string(cumulative) + "\n";
    }
    out += "archive_http_request_duration_seconds_bucket{" + label + ",le=\"+Inf\"} " +
           std::to_string(histogram.count) + "\n";
    out +=
        "archive_http_request_duration_seconds_sum{" + label + "} " + Number(histogram.sum) + "\n";
    out += "archive_http_request_duration_seconds_count{" + label + "} " +
           std::to_string(histogram.count) + "\n";
  }
}

void Metrics::RenderErrors(std::string& out) const {
  Header(out, "archive_http_errors_total", "counter", "Error responses by error code.");
  for (const auto& [code, count] : errors_)
    out += "archive_http_errors_total{code=\"" + code + "\"} " + std::to_string(count) + "\n";
}

std::string Metrics::RenderPrometheus(const std::optional<IndexGauges>& index) const {
  std::string out;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    RenderRequests(out);
    RenderLatency(out);
    RenderErrors(out);
  }
  Header(out, "archive_index_ready", "gauge", "1 when an index is open and searchable.");
  out += "archive_index_ready " + std::string(index ? "1" : "0") + "\n";
  if (!index) return out;
  Header(out, "archive_index_generation", "gauge", "Index generation being searched.");
  out += "archive_index_generation " + std::to_string(index->generation) + "\n";
  Header(out, "archive_index_revision", "gauge", "Committed revision being searched.");
  out += "archive_index_revision " + std::to_string(index->revision) + "\n";
  Header(out, "archive_index_articles", "gauge", "Articles in the index.");
  out += "archive_index_articles " + std::to_string(index->articles) + "\n";
  return out;
}

}  // namespace archive::server
