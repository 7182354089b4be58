// Metrics: request counters and latency histograms per route, errors by code, rendered in
// Prometheus' text exposition format. Labels come from fixed sets (route labels, HTTP
// methods cpp-httplib accepts, status codes, error codes), so memory stays bounded
// whatever clients send. Thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>

namespace archive::server {

// What the index looks like right now, for the gauges; see ProbeIndex().
struct IndexGauges {
  uint64_t generation = 0;
  uint64_t revision = 0;
  uint64_t articles = 0;
};

class Metrics {
 public:
  // Upper bounds of the latency buckets, in seconds.
  static constexpr std::array<double, 12> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                      0.1,   0.25,   0.5,   1,    2.5,   5};

  // `error_code` is empty for a success.
  void Record(std::string_view route, std::string_view method, int status,
              std::string_view error_code, double seconds);

  // The whole exposition; the index gauges are left out when `index` is empty (no
  // searchable index), and archive_index_ready says which.
  std::string RenderPrometheus(const std::optional<IndexGauges>& index) const;

 private:
  struct Histogram {
    std::array<uint64_t, kBuckets.size()> counts{};  // per bucket, not cumulative
    uint64_t count = 0;
    double sum = 0;
  };

  void RenderRequests(std::string& out) const;
  void RenderLatency(std::string& out) const;
  void RenderErrors(std::string& out) const;

  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, uint64_t> requests_;  // route, method, status
  std::map<std::string, Histogram> latency_;                                // by route
  std::map<std::string, uint64_t> errors_;                                  // by error code
};

}  // namespace archive::server
