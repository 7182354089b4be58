// libFuzzer's entry point for one target: ARCHIVE_FUZZ_ENTRY names its function.
#include "tests/fuzz/fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return archive::fuzz::ARCHIVE_FUZZ_ENTRY(data, size);
}
