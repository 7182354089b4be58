#include "server/request_screen.h"

#include <gtest/gtest.h>

namespace archive::server {
namespace {

const std::vector<RouteSpec> kRoutes = {{"/api/search", "GET, HEAD, POST, OPTIONS"},
                                        {"/healthz", "GET, HEAD, OPTIONS"}};

httplib::Request MakeRequest(std::string method, std::string path,
                             std::vector<std::pair<std::string, std::string>> headers = {}) {
  httplib::Request request;
  request.method = std::move(method);
  request.path = std::move(path);
  for (auto& [name, value] : headers) request.set_header(name, value);
  return request;
}

std::optional<Refusal> Screen(const httplib::Request& request) {
  ScreenLimits limits;
  limits.max_body_bytes = 1000;
  limits.max_drain_bytes = 1000000;
  limits.max_header_count = 8;
  limits.max_header_bytes = 512;
  return ScreenRequest(request, kRoutes, limits);
}

TEST(RequestScreenTest, OrdinaryRequestsPass) {
  EXPECT_FALSE(Screen(MakeRequest("GET", "/api/search")));
  EXPECT_FALSE(Screen(MakeRequest("HEAD", "/healthz")));
  EXPECT_FALSE(Screen(MakeRequest("POST", "/api/search", {{"Content-Length", "1000"}})));
  EXPECT_FALSE(Screen(MakeRequest("GET", "/api/search", {{"Content-Length", "0"}})));
  EXPECT_FALSE(Screen(MakeRequest("OPTIONS", "/no/such/route")));
  EXPECT_FALSE(Screen(MakeRequest("GET", "/no/such/route")));  // routing answers 404
}

TEST(RequestScreenTest, BodiesMustBeSmallCountedAndPosted) {
  auto chunked = Screen(MakeRequest("POST", "/api/search", {{"Transfer-Encoding", "chunked"}}));
  ASSERT_TRUE(chunked);
  EXPECT_EQ(ApiError::kBadRequest, chunked->error);
  EXPECT_TRUE(chunked->close);
  // Slightly large: cpp-httplib reads it away and answers 413 itself.
  EXPECT_FALSE(Screen(MakeRequest("POST", "/api/search", {{"Content-Length", "1001"}})));
  auto large = Screen(MakeRequest("POST", "/api/search", {{"Content-Length", "1000001"}}));
  ASSERT_TRUE(large);
  EXPECT_EQ(ApiError::kPayloadTooLarge, large->error);
  EXPECT_TRUE(large->close);
  for (const char* bad : {"", "-1", "1e3", " 5", "5 ", "0x10", "99999999999999999999999"}) {
    auto refusal = Screen(MakeRequest("POST", "/api/search", {{"Content-Length", bad}}));
    ASSERT_TRUE(refusal) << bad;
    EXPECT_EQ(ApiError::kBadRequest, refusal->error) << bad;
  }
  auto twice = MakeRequest("POST", "/api/search", {{"Content-Length", "5"}});
  twice.headers.emplace("Content-Length", "500");  // which one would a proxy believe?
  ASSERT_TRUE(Screen(twice));
  auto get_body = Screen(MakeRequest("GET", "/api/search", {{"Content-Length", "10"}}));
  ASSERT_TRUE(get_body);
  EXPECT_EQ(ApiError::kBadRequest, get_body->error);
}

TEST(RequestScreenTest, MethodsAreCheckedBeforeAnyBodyIsRead) {
  auto put = Screen(MakeRequest("PUT", "/api/search", {{"Content-Length", "0"}}));
  ASSERT_TRUE(put);
  EXPECT_EQ(ApiError::kMethodNotAllowed, put->error);
  EXPECT_EQ("GET, HEAD, POST, OPTIONS", put->allow);
  EXPECT_FALSE(put->close);
  auto post = Screen(MakeRequest("POST", "/healthz", {{"Content-Length", "10"}}));
  ASSERT_TRUE(post);
  EXPECT_EQ(ApiError::kMethodNotAllowed, post->error);
  EXPECT_TRUE(post->close);  // its ten bytes are still unread
  for (const char* method : {"DELETE", "TRACE", "CONNECT", "PROPFIND", "get"}) {
    auto refusal = Screen(MakeRequest(method, "/no/such/route"));
    ASSERT_TRUE(refusal) << method;
    EXPECT_EQ(ApiError::kNotFound, refusal->error) << method;
  }
}

TEST(RequestScreenTest, HeaderCountAndSizeAreLimited) {
  std::vector<std::pair<std::string, std::string>> many;
  for (int i = 0; i < 9; ++i) many.emplace_back("X-" + std::to_string(i), "v");
  auto count = Screen(MakeRequest("GET", "/api/search", many));
  ASSERT_TRUE(count);
  EXPECT_EQ(ApiError::kHeadersTooLarge, count->error);
  auto bytes = Screen(MakeRequest("GET", "/api/search", {{"X-Big", std::string(600, 'a')}}));
  ASSERT_TRUE(bytes);
  EXPECT_EQ(ApiError::kHeadersTooLarge, bytes->error);
}

}  // namespace
}  // namespace archive::server
