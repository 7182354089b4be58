#include "core/index_layout.h"

#include <gtest/gtest.h>

#include <fstream>

#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"

namespace archive {
namespace {

TEST(IndexLayoutTest, NamesGenerations) {
  EXPECT_EQ("gen-000042", index_layout::GenerationName(42));
  EXPECT_EQ("/i/gen-000001/xapian", index_layout::XapianPath("/i", 1));
  EXPECT_EQ("/i/gen-000001/store", index_layout::StorePath("/i", 1));
}

TEST(IndexLayoutTest, CurrentRoundTrips) {
  test::TempDir dir;
  StatusOr<std::optional<uint64_t>> before = index_layout::ReadCurrent(dir.path());
  ASSERT_ARCHIVE_OK(before);
  EXPECT_FALSE(before->has_value());

  ASSERT_ARCHIVE_OK(index_layout::WriteCurrent(dir.path(), 7));
  StatusOr<std::optional<uint64_t>> after = index_layout::ReadCurrent(dir.path());
  ASSERT_ARCHIVE_OK(after);
  EXPECT_EQ(7u, after->value());
}

TEST(IndexLayoutTest, MissingDirectoryIsNotFound) {
  EXPECT_EQ(StatusCode::kNotFound,
            index_layout::ReadCurrent("/nonexistent/archive-index").status().code());
}

TEST(IndexLayoutTest, GarbageCurrentIsCorruption) {
  test::TempDir dir;
  std::ofstream(dir.Join("CURRENT")) << "gen-12x\n";
  EXPECT_EQ(StatusCode::kCorruption, index_layout::ReadCurrent(dir.path()).status().code());
}

}  // namespace
}  // namespace archive
