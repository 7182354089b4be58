// The access log: one JSON object per answered request, on one line. It names the route
// (a fixed label, never the raw path, so queries people typed stay out of the log) and
// leaves client addresses out unless the operator asks for them.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <string_view>

namespace archive::server {

// Receives each log line without its newline; must be thread-safe.
using LogSink = std::function<void(std::string_view line)>;

// Writes lines to standard error, one whole line per write.
LogSink StderrLogSink();

struct AccessLogEntry {
  std::string_view method;
  std::string_view route;  // RouteLabel() of the path
  int status = 0;
  size_t bytes = 0;  // body bytes sent (after compression)
  double duration_ms = 0;
  std::string_view error_code;   // empty on success
  std::string_view remote_addr;  // empty unless --log-ips
};

// {"ts":"2024-05-01T12:00:00.123Z","method":"GET","route":"/api/search","status":200,
//  "bytes":512,"duration_ms":3.2[,"error":"invalid_parameter"][,"ip":"..."]}
std::string FormatAccessLogLine(const AccessLogEntry& entry,
                                std::chrono::system_clock::time_point now);

}  // namespace archive::server
