// The one table that maps errors to HTTP (Meilisearch's idea): handlers never pick a
// status number or an error code string themselves. Errors come either from the query
// library (a StatusCode) or from the HTTP layer itself (an ApiError).
#pragma once

#include <string_view>

#include "core/status.h"

namespace archive::server {

// Errors that only the HTTP layer can detect, plus one per StatusCode it forwards.
enum class ApiError {
  kInvalidParameter,      // a query parameter or JSON field is out of range or malformed
  kInvalidJson,           // the POST body is not a JSON object
  kUnsupportedMediaType,  // POST without Content-Type: application/json
  kPayloadTooLarge,       // body above ServerOptions::max_body_bytes
  kHeadersTooLarge,       // too many or too long request headers
  kUriTooLong,            // request line above cpp-httplib's compiled-in limit
  kBadRequest,            // a request cpp-httplib could not parse
  kUnauthorized,          // admin route without the right bearer token
  kNotFound,              // no such route, or no such article
  kMethodNotAllowed,      // known route, method not offered (the Allow header lists those)
  kNotReady,              // /readyz: no searchable index
  kUnavailable,           // transient: retry later
  kIndexUnusable,         // an operator must act (e.g. rebuild the index)
  kInternal,              // our bug, or storage failure; details stay in the log
};

struct HttpError {
  int http_status;
  std::string_view code;  // stable snake_case, for clients to switch on
};

HttpError ToHttpError(ApiError error);
HttpError ToHttpError(StatusCode code);

// The error for a status cpp-httplib set itself (parse failures, 413, 414, no route).
ApiError ApiErrorForHttpStatus(int http_status);

}  // namespace archive::server
