// After ReturnLargeBlocksToTheSystem() a block of 100 KB (below glibc's default mmap
// threshold of 128 KiB) is mapped on its own, so that freeing it gives it back. glibc's
// own count of mapped blocks tells; a sanitizer's allocator has no such count.
#include "core/large_allocations.h"

#include <gtest/gtest.h>
#include <malloc.h>

#include <cstdlib>

namespace archive {
namespace {

TEST(LargeAllocationsTest, ABlockOf100KbIsMappedOnItsOwn) {
#if defined(__SANITIZE_ADDRESS__) || !defined(M_MMAP_THRESHOLD)
  GTEST_SKIP() << "not glibc's allocator: no count of mapped blocks to read";
#else
  ReturnLargeBlocksToTheSystem();
  const size_t mapped_before = mallinfo2().hblks;
  void* block = std::malloc(100 * 1000);
  ASSERT_NE(nullptr, block);
  EXPECT_EQ(mapped_before + 1, mallinfo2().hblks);
  std::free(block);
  EXPECT_EQ(mapped_before, mallinfo2().hblks);
#endif
}

}  // namespace
}  // namespace archive
