#include "core/large_allocations.h"

#include <malloc.h>

namespace archive {

void ReturnLargeBlocksToTheSystem() {
#ifdef M_MMAP_THRESHOLD
  constexpr int kThresholdBytes = 64 * 1024;
  mallopt(M_MMAP_THRESHOLD, kThresholdBytes);
#endif
}

}  // namespace archive
