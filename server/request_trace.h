// RequestTrace: what the server learns about the request being answered on this thread,
// for the access log and the metrics. cpp-httplib answers a request from start to finish
// on one worker thread and its Request has no room for our own data, so a thread-local
// record, begun in the pre-routing hook and closed by the logger, is the natural home.
#pragma once

#include <chrono>
#include <string_view>

namespace archive::server {

struct RequestTrace {
  bool active = false;  // false when cpp-httplib refused the request before routing
  std::chrono::steady_clock::time_point started;
  std::string_view error_code;  // points into the static table of error_mapping.cc
};

// The trace of this thread's current request.
RequestTrace& CurrentTrace();

// Seconds since the trace began, 0 if it never did.
double TraceSeconds(const RequestTrace& trace);

}  // namespace archive::server
