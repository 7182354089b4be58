#include "server/error_mapping.h"

namespace archive::server {

HttpError ToHttpError(StatusCode code) {
  switch (code) {
    case StatusCode::kInvalidArgument:
      return {400, "invalid_parameter"};
    case StatusCode::kNotFound:
      return {404, "not_found"};
    case StatusCode::kUnavailable:
      return {503, "unavailable"};
    case StatusCode::kFailedPrecondition:
      return {503, "index_unusable"};
    case StatusCode::kCorruption:
    case StatusCode::kIOError:
    case StatusCode::kInternal:
    case StatusCode::kOk:  // never an error; listed so that the switch is exhaustive
      return {500, "internal"};
  }
  return {500, "internal"};
}

}  // namespace archive::server
