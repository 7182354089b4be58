#include "server/access_log.h"

#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

namespace archive::server {
namespace {

// The ordered_json encoding FormatAccessLogLine used before it wrote lines directly: log
// readers parse these lines, so the bytes stay the same.
std::string OrderedJsonLine(const AccessLogEntry& entry, std::string_view ts) {
  nlohmann::ordered_json line = {
      {"ts", ts},
      {"method", entry.method},
      {"route", entry.route},
      {"status", entry.status},
      {"bytes", entry.bytes},
      {"duration_ms", std::round(entry.duration_ms * 1000) / 1000},
  };
  if (!entry.error_code.empty()) line["error"] = entry.error_code;
  if (!entry.remote_addr.empty()) line["ip"] = entry.remote_addr;
  return line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

TEST(AccessLogTest, LineIsTheOrderedJsonEncoding) {
  // 2024-05-01T12:00:00.123Z
  const std::chrono::system_clock::time_point now{std::chrono::milliseconds(1714564800123)};
  const std::string ts = "2024-05-01T12:00:00.123Z";
  AccessLogEntry entry{"GET", "/api/search", 200, 10734, 58.12345678, "", ""};
  EXPECT_EQ(OrderedJsonLine(entry, ts), FormatAccessLogLine(entry, now));
  EXPECT_EQ(
      "{\"ts\":\"2024-05-01T12:00:00.123Z\",\"method\":\"GET\",\"route\":\"/api/search\","
      "\"status\":200,\"bytes\":10734,\"duration_ms\":58.123}",
      FormatAccessLogLine(entry, now));

  AccessLogEntry failed{"P\"O\xffST", "/api/search", 400, 0, 0.0004, "invalid_parameter", "::1"};
  EXPECT_EQ(OrderedJsonLine(failed, ts), FormatAccessLogLine(failed, now));
  AccessLogEntry slow{"GET", "/", 503, 1, 123456.0, "", ""};
  EXPECT_EQ(OrderedJsonLine(slow, ts), FormatAccessLogLine(slow, now));
}

}  // namespace
}  // namespace archive::server
