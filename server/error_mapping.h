// The one table that maps our status codes to HTTP (Meilisearch's idea): handlers never
// pick a status number themselves.
#pragma once

#include <string_view>

#include "core/status.h"

namespace archive::server {

struct HttpError {
  int http_status;
  std::string_view code;  // stable snake_case, for clients to switch on
};

HttpError ToHttpError(StatusCode code);

}  // namespace archive::server
