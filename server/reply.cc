#include "server/reply.h"

#include <iostream>

#include "server/http_policy.h"
#include "server/json_codec.h"
#include "server/request_trace.h"

namespace archive::server {
namespace {

void SendHttpError(httplib::Response& response, HttpError error, std::string_view message) {
  response.status = error.http_status;
  CurrentTrace().error_code = error.code;
  response.set_content(EncodeError(error.code, message), kJsonType);
}

}  // namespace

void SendJson(httplib::Response& response, std::string body) {
  // cpp-httplib 0.11.4's set_content takes the body by const reference and copies it (a
  // search answer is ~10 KB): let it set the Content-Type, then move the body in.
  response.set_content("", 0, kJsonType);
  response.body = std::move(body);
}

void SendIndexedJson(const httplib::Request& request, httplib::Response& response,
                     uint64_t generation, uint64_t revision, std::string body) {
  std::string key =
      std::to_string(generation) + "." + std::to_string(revision) + request.path + "?";
  for (const auto& [name, value] : request.params) key += name + "=" + value + "&";
  const std::string etag = WeakETag(Fingerprint(key));
  response.set_header("ETag", etag);
  response.set_header("Cache-Control", "no-cache");
  if (IfNoneMatchHits(request, etag)) {
    response.status = 304;
    return;
  }
  SendJson(response, std::move(body));
}

void SendError(httplib::Response& response, ApiError error, std::string_view message) {
  SendHttpError(response, ToHttpError(error), message);
}

void SendStatusError(httplib::Response& response, const Status& status) {
  const HttpError error = ToHttpError(status.code());
  if (error.http_status >= 500) std::cerr << "archive-server: " << status.ToString() << "\n";
  if (error.http_status == 503) response.set_header("Retry-After", "1");
  const bool hide = error.http_status >= 500 && error.http_status != 503;
  SendHttpError(response, error, hide ? "internal error" : status.message());
}

}  // namespace archive::server
