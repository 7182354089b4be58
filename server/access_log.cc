#include "server/access_log.h"

#include <cmath>
#include <cstdio>
#include <ctime>

#include "output/json_writer.h"

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
  return [](std::string_view line) {
    // One fwrite of the line and its newline: stderr is unbuffered, so this is one write(2)
    // per request (fwrite then fputc made two), and stdio's own lock on the stream keeps
    // lines of concurrent workers whole.
    thread_local std::string text;
    text.assign(line);
    text += '\n';
    std::fwrite(text.data(), 1, text.size(), stderr);
  };
}

std::string FormatAccessLogLine(const AccessLogEntry& entry,
                                std::chrono::system_clock::time_point now) {
  std::string line;
  line.reserve(160);
  output::JsonWriter out(line);  // written directly: an ordered_json DOM cost ~25,000 instructions
  out.BeginObject();
  out.Key("ts");
  out.String(Timestamp(now));
  out.Key("method");
  out.String(entry.method);
  out.Key("route");
  out.String(entry.route);
  out.Key("status");
  out.Int(entry.status);
  out.Key("bytes");
  out.Uint(entry.bytes);
  out.Key("duration_ms");
  out.Double(std::round(entry.duration_ms * 1000) / 1000);
  if (!entry.error_code.empty()) {
    out.Key("error");
    out.String(entry.error_code);
  }
  if (!entry.remote_addr.empty()) {
    out.Key("ip");
    out.String(entry.remote_addr);
  }
  out.EndObject();
  return line;
}

}  // namespace archive::server
