#include "server/http_policy.h"

#include <gtest/gtest.h>

namespace archive::server {
namespace {

TEST(HttpPolicyTest, RoutesAndMethods) {
  const std::vector<RouteSpec> routes = {{"/a", "GET, HEAD"}, {"/b", "POST"}};
  EXPECT_EQ("/a", RouteLabel(routes, "/a"));
  EXPECT_EQ("other", RouteLabel(routes, "/a/x"));
  EXPECT_TRUE(MethodAllowed("GET, HEAD", "HEAD"));
  EXPECT_FALSE(MethodAllowed("GET, HEAD", "HEA"));
  EXPECT_FALSE(MethodAllowed("GET, HEAD", "PUT"));
}

TEST(HttpPolicyTest, IfNoneMatchUsesWeakComparison) {
  const std::string etag = WeakETag(Fingerprint("x"));
  httplib::Request request;
  EXPECT_FALSE(IfNoneMatchHits(request, etag));
  request.set_header("If-None-Match", "\"other\", " + etag.substr(2));
  EXPECT_TRUE(IfNoneMatchHits(request, etag));
  request.headers.clear();
  request.set_header("If-None-Match", "*");
  EXPECT_TRUE(IfNoneMatchHits(request, etag));
  EXPECT_NE(WeakETag(Fingerprint("x")), WeakETag(Fingerprint("y")));
}

TEST(HttpPolicyTest, VaryKeepsOneHeaderWithoutRepeats) {
  httplib::Response response;
  AddVary(response, "Origin");
  AddVary(response, "Accept-Encoding");
  AddVary(response, "Origin");
  EXPECT_EQ(1u, response.headers.count("Vary"));
  EXPECT_EQ("Origin, Accept-Encoding", response.get_header_value("Vary"));
}

TEST(HttpPolicyTest, CorsAllowList) {
  const CorsPolicy none({});
  EXPECT_FALSE(none.enabled());
  const CorsPolicy some({"https://a.example"});
  EXPECT_TRUE(some.Allows("https://a.example"));
  EXPECT_FALSE(some.Allows("https://a.example.evil"));
  EXPECT_FALSE(some.Allows(""));
  EXPECT_TRUE(CorsPolicy({"*"}).Allows("https://any.example"));
}

TEST(HttpPolicyTest, PathParametersMatchOneSegment) {
  EXPECT_TRUE(PathMatches("/api/articles/{id}", "/api/articles/a1"));
  EXPECT_FALSE(PathMatches("/api/articles/{id}", "/api/articles/"));
  EXPECT_FALSE(PathMatches("/api/articles/{id}", "/api/articles/a1/similar"));
  EXPECT_TRUE(PathMatches("/api/articles/{id}/similar", "/api/articles/a1/similar"));
  EXPECT_FALSE(PathMatches("/api/articles/{id}/similar", "/api/articles/a1/other"));
  EXPECT_TRUE(PathMatches("/api/search", "/api/search"));
  EXPECT_FALSE(PathMatches("/api/search", "/api/searches"));
  EXPECT_EQ("/api/articles/([^/]+)/similar", RoutePattern("/api/articles/{id}/similar"));
  EXPECT_EQ("/api/openapi\\.json", RoutePattern("/api/openapi.json"));
  const std::vector<RouteSpec> routes = {{"/api/articles/{id}", "GET"}};
  EXPECT_EQ("/api/articles/{id}", RouteLabel(routes, "/api/articles/x"));
}

}  // namespace
}  // namespace archive::server
