#include "indexer/crash_point.h"

#include <signal.h>

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <string>

namespace archive::indexer {
namespace {

struct CrashSpec {
  std::string point;  // empty: inert
  uint64_t nth = 1;
};

CrashSpec ParseSpec() {
  CrashSpec spec;
  const char* value = std::getenv("ARCHIVE_CRASH_AT");
  if (value == nullptr || *value == '\0') return spec;
  std::string text = value;
  size_t colon = text.rfind(':');
  spec.point = text.substr(0, colon);
  if (colon != std::string::npos) spec.nth = std::strtoull(text.c_str() + colon + 1, nullptr, 10);
  return spec;
}

}  // namespace

void CrashPoint(std::string_view point) {
  // Read once: the environment does not change under a running indexer, and the fast path
  // (variable unset) must cost one comparison.
  static const CrashSpec spec = ParseSpec();
  static std::atomic<uint64_t> hits{0};
  if (spec.point.empty() || spec.point != point) return;
  if (++hits == spec.nth) ::raise(SIGKILL);  // as kill -9: no destructors, no flushing
}

}  // namespace archive::indexer
