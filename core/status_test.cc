#include "core/status.h"

#include <gtest/gtest.h>

#include "core/status_or.h"

namespace archive {
namespace {

StatusOr<int> ParsePositive(int n) {
  if (n <= 0) return Status::InvalidArgument("not positive: " + std::to_string(n));
  return n;
}

Status Doubled(int n, int* out) {
  ARCHIVE_ASSIGN_OR_RETURN(int value, ParsePositive(n));
  *out = 2 * value;
  return Status::Ok();
}

TEST(StatusTest, CarriesCodeAndMessage) {
  Status status = Status::NotFound("article 42");
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(StatusCode::kNotFound, status.code());
  EXPECT_EQ("not_found: article 42", status.ToString());
  EXPECT_EQ("not_found: reading: article 42", status.WithContext("reading").ToString());
  EXPECT_TRUE(Status::Ok().ok());
  EXPECT_EQ("ok", Status::Ok().ToString());
}

TEST(StatusTest, AssignOrReturnPropagates) {
  int out = 0;
  EXPECT_TRUE(Doubled(4, &out).ok());
  EXPECT_EQ(8, out);
  Status status = Doubled(-1, &out);
  EXPECT_EQ(StatusCode::kInvalidArgument, status.code());
  EXPECT_EQ("not positive: -1", status.message());
}

}  // namespace
}  // namespace archive
