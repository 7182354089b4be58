#include "bench/load_gen.h"

#include <httplib.h>

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <thread>

namespace archive::bench {
namespace {

using Clock = std::chrono::steady_clock;

struct Sample {
  int64_t latency_us;  // from the intended send time
  int64_t service_us;  // from the actual send
};

struct ConnectionResult {
  uint64_t scheduled = 0, sent = 0, completed = 0, errors = 0;
  std::vector<Sample> samples;
  Clock::time_point last_done{};
};

int64_t Micros(Clock::duration d) {
  return std::chrono::duration_cast<std::chrono::microseconds>(d).count();
}

// Connection `index` of n sends its k-th request at start + (k + index / n) * n / rate: the
// connections interleave, so that together they send evenly at `rate`. A connection that
// falls behind sends its next request at once, and the wait counts in its latency.
void RunConnection(const LoadOptions& options, int index, Clock::time_point start,
                   ConnectionResult& result) {
  httplib::Client client(options.base_url);
  client.set_keep_alive(true);
  const auto timeout = std::chrono::duration_cast<std::chrono::microseconds>(options.timeout);
  client.set_connection_timeout(timeout);
  client.set_read_timeout(timeout);
  client.set_write_timeout(timeout);
  const int n = options.connections;
  const std::chrono::duration<double> interval(n / options.rate);
  const auto end = start + std::chrono::duration_cast<Clock::duration>(options.duration);
  const auto cutoff = end + std::chrono::duration_cast<Clock::duration>(options.timeout);
  for (uint64_t k = 0;; ++k) {
    const auto intended =
        start + std::chrono::duration_cast<Clock::duration>(
                    (static_cast<double>(k) + static_cast<double>(index) / n) * interval);
    if (intended >= end) break;
    ++result.scheduled;
    if (Clock::now() >= cutoff) continue;  // too far behind: scheduled, never sent
    std::this_thread::sleep_until(intended);
    const std::string& path = options.paths[(k * n + index) % options.paths.size()];
    const auto sent_at = Clock::now();
    ++result.sent;
    const httplib::Result response = client.Get(path);
    const auto done = Clock::now();
    result.last_done = std::max(result.last_done, done);
    if (response && response->status >= 200 && response->status < 300) {
      ++result.completed;
      result.samples.push_back({Micros(done - intended), Micros(done - sent_at)});
    } else {
      ++result.errors;
    }
  }
}

// Nearest rank, as bench/run's latency_stats: the smallest value with p of them at or below.
int64_t Percentile(const std::vector<int64_t>& sorted, double p) {
  if (sorted.empty()) return 0;
  auto rank = static_cast<size_t>(p * static_cast<double>(sorted.size()) + 0.999999);
  return sorted[std::clamp<size_t>(rank, 1, sorted.size()) - 1];
}

double Millis(int64_t us) { return static_cast<double>(us) / 1000; }

std::string Ms(int64_t us) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", static_cast<double>(us) / 1000);
  return text;
}

}  // namespace

LoadReport RunLoad(const LoadOptions& options) {
  LoadReport report;
  if (options.paths.empty() || options.connections < 1 || options.rate <= 0) return report;
  std::vector<ConnectionResult> results(options.connections);
  // A little lead, so that every thread is waiting before the first intended send.
  const Clock::time_point start = Clock::now() + std::chrono::milliseconds(50);
  {
    std::vector<std::jthread> threads;
    threads.reserve(options.connections);
    for (int i = 0; i < options.connections; ++i) {
      threads.emplace_back(
          [&options, &results, i, start] { RunConnection(options, i, start, results[i]); });
    }
  }
  std::vector<int64_t> latencies, service;
  Clock::time_point last_done = start;
  for (const ConnectionResult& result : results) {
    report.scheduled += result.scheduled;
    report.sent += result.sent;
    report.completed += result.completed;
    report.errors += result.errors;
    last_done = std::max(last_done, result.last_done);
    for (const Sample& sample : result.samples) {
      latencies.push_back(sample.latency_us);
      service.push_back(sample.service_us);
    }
  }
  std::sort(latencies.begin(), latencies.end());
  std::sort(service.begin(), service.end());
  report.seconds = std::chrono::duration<double>(last_done - start).count();
  report.achieved_rate =
      report.seconds > 0 ? static_cast<double>(report.completed) / report.seconds : 0;
  report.p50_us = Percentile(latencies, 0.50);
  report.p90_us = Percentile(latencies, 0.90);
  report.p99_us = Percentile(latencies, 0.99);
  report.max_us = latencies.empty() ? 0 : latencies.back();
  report.service_p50_us = Percentile(service, 0.50);
  report.service_p99_us = Percentile(service, 0.99);
  return report;
}

std::string ReportJson(const LoadOptions& options, const LoadReport& report) {
  return nlohmann::json{{"connections", options.connections},
                        {"offered_rate", options.rate},
                        {"duration_s", options.duration.count()},
                        {"scheduled", report.scheduled},
                        {"sent", report.sent},
                        {"completed", report.completed},
                        {"errors", report.errors},
                        {"unsent", report.scheduled - report.sent},
                        {"seconds", report.seconds},
                        {"achieved_rate", report.achieved_rate},
                        {"p50_ms", Millis(report.p50_us)},
                        {"p90_ms", Millis(report.p90_us)},
                        {"p99_ms", Millis(report.p99_us)},
                        {"max_ms", Millis(report.max_us)},
                        {"service_p50_ms", Millis(report.service_p50_us)},
                        {"service_p99_ms", Millis(report.service_p99_us)}}
      .dump();
}

std::string ReportText(const LoadOptions& options, const LoadReport& report) {
  char head[256];
  std::snprintf(head, sizeof head,
                "%d connections offered %.1f requests/s for %.1f s to %s\n"
                "  scheduled %llu, sent %llu, completed %llu, errors %llu; achieved %.1f "
                "requests/s\n",
                options.connections, options.rate, options.duration.count(),
                options.base_url.c_str(), static_cast<unsigned long long>(report.scheduled),
                static_cast<unsigned long long>(report.sent),
                static_cast<unsigned long long>(report.completed),
                static_cast<unsigned long long>(report.errors), report.achieved_rate);
  return std::string(head) + "  latency from the intended send (ms): p50 " + Ms(report.p50_us) +
         ", p90 " + Ms(report.p90_us) + ", p99 " + Ms(report.p99_us) + ", max " +
         Ms(report.max_us) + "\n  service time from the actual send (ms): p50 " +
         Ms(report.service_p50_us) + ", p99 " + Ms(report.service_p99_us) + "\n";
}

}  // namespace archive::bench
