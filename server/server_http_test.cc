// HTTP policy against the real server: CORS and preflight, compression, 405 with Allow,
// validators (ETag / 304), header and URI limits, keep-alive, the access log and a
// graceful stop with a request in flight.
#include <future>

#include "server/testing/server_fixture.h"

namespace archive::server::test {
namespace {

class ServerHttpTest : public ServerFixture {
 protected:
  void SetUp() override {
    ServerOptions options;
    options.cors_origins = {"https://allowed.example"};
    Start(options);
  }
};

TEST_F(ServerHttpTest, CorsEchoesAnAllowedOriginOnly) {
  httplib::Result allowed = Client().Get("/api/search", {{"Origin", "https://allowed.example"}});
  ASSERT_TRUE(allowed);
  EXPECT_EQ("https://allowed.example", allowed->get_header_value("Access-Control-Allow-Origin"));
  EXPECT_NE(std::string::npos, allowed->get_header_value("Vary").find("Origin"));
  httplib::Result other = Client().Get("/api/search", {{"Origin", "https://evil.example"}});
  ASSERT_TRUE(other);
  EXPECT_FALSE(other->has_header("Access-Control-Allow-Origin"));
  EXPECT_NE(std::string::npos, other->get_header_value("Vary").find("Origin"));
  // Errors carry it too, so that a browser script can read them.
  httplib::Result error =
      Client().Get("/api/search?page=0", {{"Origin", "https://allowed.example"}});
  ASSERT_TRUE(error);
  EXPECT_EQ(400, error->status);
  EXPECT_EQ("https://allowed.example", error->get_header_value("Access-Control-Allow-Origin"));
}

TEST_F(ServerHttpTest, PreflightForTheJsonPost) {
  httplib::Result result =
      Client().Options("/api/search", {{"Origin", "https://allowed.example"},
                                       {"Access-Control-Request-Method", "POST"},
                                       {"Access-Control-Request-Headers", "content-type"}});
  ASSERT_TRUE(result);
  EXPECT_EQ(204, result->status);
  EXPECT_EQ("https://allowed.example", result->get_header_value("Access-Control-Allow-Origin"));
  EXPECT_NE(std::string::npos,
            result->get_header_value("Access-Control-Allow-Methods").find("POST"));
  EXPECT_EQ("Content-Type", result->get_header_value("Access-Control-Allow-Headers"));
  EXPECT_EQ("600", result->get_header_value("Access-Control-Max-Age"));
  httplib::Result refused = Client().Options(
      "/api/search",
      {{"Origin", "https://evil.example"}, {"Access-Control-Request-Method", "POST"}});
  ASSERT_TRUE(refused);
  EXPECT_EQ(204, refused->status);
  EXPECT_FALSE(refused->has_header("Access-Control-Allow-Methods"));
  EXPECT_EQ("GET, HEAD, POST, OPTIONS", refused->get_header_value("Allow"));
}

TEST_F(ServerHttpTest, JsonIsCompressedWhenTheClientAccepts) {
  httplib::Client client = Client();
  client.set_decompress(false);
  httplib::Result gzip = client.Get("/api/search", {{"Accept-Encoding", "gzip"}});
  ASSERT_TRUE(gzip);
  EXPECT_EQ("gzip", gzip->get_header_value("Content-Encoding"));
  EXPECT_NE(std::string::npos, gzip->get_header_value("Vary").find("Accept-Encoding"));
  httplib::Result plain = client.Get("/api/search");
  ASSERT_TRUE(plain);
  EXPECT_FALSE(plain->has_header("Content-Encoding"));
  EXPECT_LT(gzip->body.size(), plain->body.size());
  // And the library's client inflates it back to the same JSON.
  httplib::Client inflating = Client();
  httplib::Result inflated =
      inflating.Get("/api/search?sort=oldest", {{"Accept-Encoding", "gzip"}});
  ASSERT_TRUE(inflated);
  EXPECT_EQ(3u, json::parse(inflated->body)["hits"].size());
}

TEST_F(ServerHttpTest, OtherMethodsAre405WithAllow) {
  httplib::Client client = Client();
  for (const char* method : {"PUT", "DELETE", "PATCH", "TRACE"}) {
    httplib::Request request;
    request.method = method;
    request.path = "/api/search";
    httplib::Result result = client.send(request);
    ASSERT_TRUE(result) << method;
    EXPECT_EQ(405, result->status) << method;
    EXPECT_EQ("GET, HEAD, POST, OPTIONS", result->get_header_value("Allow"));
    EXPECT_EQ("method_not_allowed", json::parse(result->body)["error"]["code"]);
  }
  httplib::Result post = client.Post("/healthz", "", "text/plain");
  ASSERT_TRUE(post);
  EXPECT_EQ(405, post->status);
  EXPECT_EQ("GET, HEAD, OPTIONS", post->get_header_value("Allow"));
  httplib::Request unknown;
  unknown.method = "DELETE";
  unknown.path = "/no/such/route";
  EXPECT_EQ(404, client.send(unknown)->status);
  httplib::Result head = client.Head("/api/search");
  ASSERT_TRUE(head);
  EXPECT_EQ(200, head->status);
  EXPECT_TRUE(head->body.empty());
}

TEST_F(ServerHttpTest, SearchRevalidatesWithETag) {
  httplib::Client client = Client();
  httplib::Result first = client.Get("/api/search?q=rent");
  ASSERT_TRUE(first);
  const std::string etag = first->get_header_value("ETag");
  EXPECT_TRUE(etag.starts_with("W/\"")) << etag;
  EXPECT_EQ("no-cache", first->get_header_value("Cache-Control"));
  httplib::Result again = client.Get("/api/search?q=rent", {{"If-None-Match", etag}});
  ASSERT_TRUE(again);
  EXPECT_EQ(304, again->status);
  EXPECT_TRUE(again->body.empty());
  httplib::Result other = client.Get("/api/search?q=strike", {{"If-None-Match", etag}});
  ASSERT_TRUE(other);
  EXPECT_EQ(200, other->status);
  EXPECT_NE(etag, other->get_header_value("ETag"));
}

TEST_F(ServerHttpTest, AssetsAreCacheableAndRevalidate) {
  httplib::Client client = Client();
  for (const char* path : {"/", "/api/openapi.json"}) {
    httplib::Result first = client.Get(path);
    ASSERT_TRUE(first) << path;
    EXPECT_EQ("public, max-age=300", first->get_header_value("Cache-Control"));
    httplib::Result again = client.Get(path, {{"If-None-Match", first->get_header_value("ETag")}});
    ASSERT_TRUE(again);
    EXPECT_EQ(304, again->status) << path;
  }
}

TEST_F(ServerHttpTest, HeaderAndUriLimits) {
  httplib::Headers many;
  for (int i = 0; i < 100; ++i) many.emplace("X-Filler-" + std::to_string(i), "x");
  httplib::Result headers = Client().Get("/api/search", many);
  ASSERT_TRUE(headers);
  EXPECT_EQ(431, headers->status);
  EXPECT_EQ("headers_too_large", json::parse(headers->body)["error"]["code"]);
  httplib::Result uri = Client().Get("/api/search?q=" + std::string(9000, 'a'));
  ASSERT_TRUE(uri);
  EXPECT_EQ(414, uri->status);
}

TEST_F(ServerHttpTest, KeepAliveServesManyRequestsOnOneConnection) {
  httplib::Client client = Client();
  client.set_keep_alive(true);
  for (int i = 0; i < 20; ++i) {
    httplib::Result result = client.Get("/api/search?q=rent");
    ASSERT_TRUE(result);
    EXPECT_EQ(200, result->status);
  }
}

TEST_F(ServerHttpTest, AccessLogHasOneJsonLinePerRequest) {
  Client().Get("/api/search?q=secret+words");
  WaitForLogLines(1);  // lines are written after responses, in finishing order
  Client().Get("/api/search?page=0");
  std::vector<std::string> lines = WaitForLogLines(2);
  ASSERT_EQ(2u, lines.size());
  json ok = json::parse(lines[0]);
  EXPECT_EQ("GET", ok["method"]);
  EXPECT_EQ("/api/search", ok["route"]);
  EXPECT_EQ(200, ok["status"]);
  EXPECT_GT(ok["bytes"], 0);
  EXPECT_GE(ok["duration_ms"], 0);
  EXPECT_TRUE(ok["ts"].get<std::string>().ends_with("Z"));
  EXPECT_FALSE(ok.contains("ip"));
  EXPECT_EQ(std::string::npos, lines[0].find("secret"));  // what people type stays private
  EXPECT_EQ("invalid_parameter", json::parse(lines[1])["error"]);
}

TEST_F(ServerHttpTest, AccessLogNamesAddressesOnlyWhenAsked) {
  ServerOptions options;
  options.log_ips = true;
  Start(options);
  Client().Get("/no/such/route");
  std::vector<std::string> lines = WaitForLogLines(1);
  ASSERT_EQ(1u, lines.size());
  json line = json::parse(lines[0]);
  EXPECT_EQ("127.0.0.1", line["ip"]);
  EXPECT_EQ("other", line["route"]);  // unknown paths do not grow the label set
}

TEST_F(ServerHttpTest, StopLetsRequestsInFlightFinish) {
  std::promise<void> entered;
  extra_routes_ = [&entered](httplib::Server& server) {
    server.Get("/test/slow", [&entered](const httplib::Request&, httplib::Response& response) {
      entered.set_value();
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
      response.set_content("done", "text/plain");
    });
  };
  Start(ServerOptions());
  auto slow = std::async(std::launch::async, [this] { return Client().Get("/test/slow"); });
  entered.get_future().wait();
  Stop();  // returns once the listener has shut down
  httplib::Result result = slow.get();
  ASSERT_TRUE(result) << httplib::to_string(result.error());
  EXPECT_EQ(200, result->status);
  EXPECT_EQ("done", result->body);
  EXPECT_FALSE(Client().Get("/healthz"));  // and nothing new is accepted
}

}  // namespace
}  // namespace archive::server::test
