#include "server/access_log.h"

#include <cmath>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <nlohmann/json.hpp>

namespace archive::server {
namespace {

std::string Timestamp(std::chrono::system_clock::time_point now) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  const auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[64];
  std::snprintf(text, sizeof(text), "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
                utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
                static_cast<int>(millis));
  return text;
}

}  // namespace

LogSink StderrLogSink() {
  // Worker threads log concurrently; a mutex keeps their lines whole.
  auto mutex = std::make_shared<std::mutex>();
  return [mutex](std::string_view line) {
    std::lock_guard<std::mutex> lock(*mutex);
    std::fwrite(line.data(), 1, line.size(), stderr);
    std::fputc('\n', stderr);
  };
}

std::string FormatAccessLogLine(const AccessLogEntry& entry,
                                std::chrono::system_clock::time_point now) {
  nlohmann::ordered_json line = {
      {"ts", Timestamp(now)}, {"method", entry.method},
      {"route", entry.route}, {"status", entry.status},
      {"bytes", entry.bytes}, {"duration_ms", std::round(entry.duration_ms * 1000) / 1000},
  };
  if (!entry.error_code.empty()) line["error"] = entry.error_code;
  if (!entry.remote_addr.empty()) line["ip"] = entry.remote_addr;
  return line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace archive::server
