// Writing JSON responses and errors. Every error body is {"error": {"code", "message"}}
// with the status and code from error_mapping's table; the code is also noted in this
// thread's RequestTrace for the access log and metrics.
#pragma once

#include <httplib.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"
#include "server/error_mapping.h"

namespace archive::server {

// JSON is UTF-8 by definition (RFC 8259) and takes no charset parameter; cpp-httplib
// also compresses only the bare "application/json".
inline constexpr const char* kJsonType = "application/json";

void SendJson(httplib::Response& response, std::string body);

// Answers a GET whose body depends only on the index state and the request's path and
// parameters: a weak ETag of those, Cache-Control: no-cache (cache, but ask each time),
// and 304 Not Modified when If-None-Match names the ETag.
void SendIndexedJson(const httplib::Request& request, httplib::Response& response,
                     uint64_t generation, uint64_t revision, std::string body);

void SendError(httplib::Response& response, ApiError error, std::string_view message);

// For statuses from the query library. Details of a 5xx other than 503 go to standard
// error, not to the client, who can do nothing with them.
void SendStatusError(httplib::Response& response, const Status& status);

}  // namespace archive::server
