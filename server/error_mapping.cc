#include "server/error_mapping.h"

#include <array>

namespace archive::server {
namespace {

struct Row {
  ApiError error;
  HttpError http;
};

// Ordered as the enum; ToHttpError indexes it directly (a test checks the order).
constexpr std::array<Row, 14> kTable = {{
    {ApiError::kInvalidParameter, {400, "invalid_parameter"}},
    {ApiError::kInvalidJson, {400, "invalid_json"}},
    {ApiError::kUnsupportedMediaType, {415, "unsupported_media_type"}},
    {ApiError::kPayloadTooLarge, {413, "payload_too_large"}},
    {ApiError::kHeadersTooLarge, {431, "headers_too_large"}},
    {ApiError::kUriTooLong, {414, "uri_too_long"}},
    {ApiError::kBadRequest, {400, "bad_request"}},
    {ApiError::kUnauthorized, {401, "unauthorized"}},
    {ApiError::kNotFound, {404, "not_found"}},
    {ApiError::kMethodNotAllowed, {405, "method_not_allowed"}},
    {ApiError::kNotReady, {503, "not_ready"}},
    {ApiError::kUnavailable, {503, "unavailable"}},
    {ApiError::kIndexUnusable, {503, "index_unusable"}},
    {ApiError::kInternal, {500, "internal"}},
}};

static_assert(kTable.size() == static_cast<size_t>(ApiError::kInternal) + 1);

}  // namespace

HttpError ToHttpError(ApiError error) {
  const Row& row = kTable[static_cast<size_t>(error)];
  return row.error == error ? row.http : HttpError{500, "internal"};
}

HttpError ToHttpError(StatusCode code) {
  switch (code) {
    case StatusCode::kInvalidArgument:
      return ToHttpError(ApiError::kInvalidParameter);
    case StatusCode::kNotFound:
      return ToHttpError(ApiError::kNotFound);
    case StatusCode::kUnavailable:
      return ToHttpError(ApiError::kUnavailable);
    case StatusCode::kFailedPrecondition:
      return ToHttpError(ApiError::kIndexUnusable);
    case StatusCode::kCorruption:
    case StatusCode::kIOError:
    case StatusCode::kInternal:
    case StatusCode::kOk:  // never an error; listed so that the switch is exhaustive
      return ToHttpError(ApiError::kInternal);
  }
  return ToHttpError(ApiError::kInternal);
}

ApiError ApiErrorForHttpStatus(int http_status) {
  switch (http_status) {
    case 404:
      return ApiError::kNotFound;
    case 405:
      return ApiError::kMethodNotAllowed;
    case 413:
      return ApiError::kPayloadTooLarge;
    case 414:
      return ApiError::kUriTooLong;
    case 415:
      return ApiError::kUnsupportedMediaType;
    case 431:
      return ApiError::kHeadersTooLarge;
    default:
      return http_status >= 500 ? ApiError::kInternal : ApiError::kBadRequest;
  }
}

}  // namespace archive::server
