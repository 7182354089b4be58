#include "server/request_trace.h"

namespace archive::server {

RequestTrace& CurrentTrace() {
  thread_local RequestTrace trace;
  return trace;
}

double TraceSeconds(const RequestTrace& trace) {
  if (!trace.active) return 0;
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - trace.started).count();
}

}  // namespace archive::server
