#include "server/error_mapping.h"

#include <gtest/gtest.h>

#include <set>

namespace archive::server {
namespace {

TEST(ErrorMappingTest, EveryApiErrorHasItsOwnCode) {
  std::set<std::string_view> codes;
  for (int i = 0; i <= static_cast<int>(ApiError::kInternal); ++i) {
    const HttpError error = ToHttpError(static_cast<ApiError>(i));
    EXPECT_TRUE(codes.insert(error.code).second) << error.code;
    EXPECT_GE(error.http_status, 400);
  }
  EXPECT_EQ(400, ToHttpError(ApiError::kInvalidJson).http_status);
  EXPECT_EQ("invalid_json", ToHttpError(ApiError::kInvalidJson).code);
}

TEST(ErrorMappingTest, StatusCodesMapToTheirRows) {
  EXPECT_EQ("invalid_parameter", ToHttpError(StatusCode::kInvalidArgument).code);
  EXPECT_EQ(503, ToHttpError(StatusCode::kUnavailable).http_status);
  EXPECT_EQ("index_unusable", ToHttpError(StatusCode::kFailedPrecondition).code);
  EXPECT_EQ(500, ToHttpError(StatusCode::kCorruption).http_status);
}

TEST(ErrorMappingTest, LibraryStatusesMapToCodes) {
  EXPECT_EQ(ApiError::kBadRequest, ApiErrorForHttpStatus(400));
  EXPECT_EQ(ApiError::kNotFound, ApiErrorForHttpStatus(404));
  EXPECT_EQ(ApiError::kPayloadTooLarge, ApiErrorForHttpStatus(413));
  EXPECT_EQ(ApiError::kUriTooLong, ApiErrorForHttpStatus(414));
  EXPECT_EQ(ApiError::kBadRequest, ApiErrorForHttpStatus(416));
  EXPECT_EQ(ApiError::kInternal, ApiErrorForHttpStatus(500));
}

}  // namespace
}  // namespace archive::server
