// An open-loop HTTP load generator for bench/run (Debian has no wrk2): N keep-alive
// connections, each on its own thread, together offer a fixed rate of GET requests on a
// precomputed schedule, and every latency is measured from the request's intended send
// time, so a slow server cannot hide its queueing by slowing the generator down
// ("coordinated omission"). wrk, closed-loop, measures from the actual send instead.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace archive::bench {

struct LoadOptions {
  std::string base_url;            // "http://127.0.0.1:8080"
  std::vector<std::string> paths;  // requested in turn across the whole schedule
  int connections = 32;
  double rate = 500;  // requests per second offered, all connections together
  std::chrono::duration<double> duration{20.0};
  // How long a request may take; also how long after the schedule's end a connection that
  // fell behind may keep sending (what it has not sent by then is reported as unsent).
  std::chrono::duration<double> timeout{10.0};
};

struct LoadReport {
  uint64_t scheduled = 0;  // requests the schedule held
  uint64_t sent = 0;
  uint64_t completed = 0;    // 2xx responses
  uint64_t errors = 0;       // other statuses and failed requests
  double seconds = 0;        // from the schedule's start to the last response
  double achieved_rate = 0;  // completed / seconds
  // Microseconds, nearest rank over the completed requests: from the intended send time
  // (the figures that count), and from the actual send (service time, for comparison).
  int64_t p50_us = 0, p90_us = 0, p99_us = 0, max_us = 0;
  int64_t service_p50_us = 0, service_p99_us = 0;
};

// Runs the schedule against options.base_url; blocks until done.
LoadReport RunLoad(const LoadOptions& options);

std::string ReportJson(const LoadOptions& options, const LoadReport& report);
std::string ReportText(const LoadOptions& options, const LoadReport& report);

}  // namespace archive::bench
