// Operational routes against the real server: readiness, metrics and query statistics,
// served on the admin listener, and on the public one only with the admin token.
#include "server/testing/server_fixture.h"

namespace archive::server::test {
namespace {

using ServerAdminTest = ServerFixture;

TEST_F(ServerAdminTest, ReadyzRunsASearch) {
  json body = GetJson("/readyz");
  EXPECT_EQ("ready", body["status"]);
  EXPECT_EQ(3, body["articles"]);
  EXPECT_EQ(1, body["generation"]);
  httplib::Result admin = AdminClient().Get("/readyz");
  ASSERT_TRUE(admin);
  EXPECT_EQ(200, admin->status);
}

TEST_F(ServerAdminTest, AdminRoutesAreNotPublicWithoutAToken) {
  EXPECT_EQ("not_found", GetJson("/metrics", 404)["error"]["code"]);
  EXPECT_EQ("not_found", GetJson("/api/stats", 404)["error"]["code"]);
  httplib::Result search = AdminClient().Get("/api/search");
  ASSERT_TRUE(search);
  EXPECT_EQ(404, search->status);  // and the admin listener does not search
}

TEST_F(ServerAdminTest, PublicAdminRoutesNeedTheBearerToken) {
  ServerOptions options;
  options.admin_token = "s3cret";
  Start(options);
  EXPECT_EQ("unauthorized", GetJson("/metrics", 401)["error"]["code"]);
  httplib::Result wrong = Client().Get("/api/stats", {{"Authorization", "Bearer s3cres"}});
  ASSERT_TRUE(wrong);
  EXPECT_EQ(401, wrong->status);
  EXPECT_EQ("Bearer", wrong->get_header_value("WWW-Authenticate"));
  httplib::Result right = Client().Get("/api/stats", {{"Authorization", "Bearer s3cret"}});
  ASSERT_TRUE(right);
  EXPECT_EQ(200, right->status);
  httplib::Result metrics = Client().Get("/metrics", {{"Authorization", "Bearer s3cret"}});
  ASSERT_TRUE(metrics);
  EXPECT_EQ(200, metrics->status);
}

TEST_F(ServerAdminTest, MetricsCountRequestsErrorsAndTheIndex) {
  GetJson("/api/search?q=rent");
  GetJson("/api/search?page=0", 400);
  WaitForLogLines(2);  // metrics are recorded with the log line, after the response
  httplib::Result result = AdminClient().Get("/metrics");
  ASSERT_TRUE(result);
  EXPECT_EQ(200, result->status);
  EXPECT_TRUE(result->get_header_value("Content-Type").starts_with("text/plain; version=0.0.4"));
  const std::string& text = result->body;
  for (const char* line : {
           "# TYPE archive_http_requests_total counter\n",
           "archive_http_requests_total{route=\"/api/search\",method=\"GET\",status=\"200\"} 1\n",
           "archive_http_requests_total{route=\"/api/search\",method=\"GET\",status=\"400\"} 1\n",
           "# TYPE archive_http_request_duration_seconds histogram\n",
           "archive_http_request_duration_seconds_bucket{route=\"/api/search\",le=\"+Inf\"} 2\n",
           "archive_http_request_duration_seconds_count{route=\"/api/search\"} 2\n",
           "archive_http_errors_total{code=\"invalid_parameter\"} 1\n",
           "archive_index_ready 1\n",
           "archive_index_generation 1\n",
           "archive_index_revision 1\n",
           "archive_index_articles 3\n",
       }) {
    EXPECT_NE(std::string::npos, text.find(line)) << line << "in:\n" << text;
  }
  // Every line is a comment or `name{labels} value`.
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.starts_with("#")) continue;
    const size_t space = line.rfind(' ');
    ASSERT_NE(std::string::npos, space) << line;
    EXPECT_NO_THROW((void)std::stod(line.substr(space + 1))) << line;
  }
}

TEST_F(ServerAdminTest, StatsCountPopularAndZeroResultQueries) {
  for (const char* q : {"rent", "Rent", "rent%20%20", "strike", "zzzzqqq", "rent"})
    GetJson(std::string("/api/search?q=") + q);
  GetJson("/api/search?q=rent&page=2&per_page=1");  // later pages do not count
  GetJson("/api/search");                           // nor does browsing
  httplib::Result result = AdminClient().Get("/api/stats");
  ASSERT_TRUE(result);
  json stats = json::parse(result->body);
  EXPECT_EQ(6, stats["searches"]);
  EXPECT_EQ(1, stats["zero_result_searches"]);
  EXPECT_EQ("rent", stats["popular"][0]["query"]);
  EXPECT_EQ(4, stats["popular"][0]["count"]);
  EXPECT_EQ("zzzzqqq", stats["zero_results"][0]["query"]);
  EXPECT_EQ(std::string::npos, result->body.find("127.0.0.1"));
}

}  // namespace
}  // namespace archive::server::test
