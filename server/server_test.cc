// The real server on an ephemeral loopback port: the core search behaviour. Parameters,
// POST, errors and limits: server_search_test.cc; HTTP policy: server_http_test.cc;
// operational routes: server_admin_test.cc; the OpenAPI contract: server_openapi_test.cc.
#include "server/testing/server_fixture.h"

namespace archive::server::test {
namespace {

using ServerTest = ServerFixture;

TEST_F(ServerTest, SearchReturnsHighlightedHitsAndFacets) {
  json body = GetJson("/api/search?q=sawant");
  EXPECT_EQ("sawant", body["query"]);
  EXPECT_EQ(1, body["total"]);
  const json& hit = body["hits"][0];
  EXPECT_EQ("a1", hit["id"]);
  EXPECT_EQ("2019-11-05", hit["date"]);
  // The accented original is highlighted, and the text is HTML-escaped around the marks.
  EXPECT_EQ("Seattle tenants &amp; <mark>Sāwant’s</mark> office won rent control.", hit["snippet"]);
  EXPECT_EQ(1, body["facets"]["topic"][0]["count"]);
  EXPECT_EQ(1, body["generation"]);
  EXPECT_EQ(1, body["revision"]);
  EXPECT_EQ(json::array(), body["facets_estimated"]);
  EXPECT_TRUE(body.contains("suggestion"));
  EXPECT_TRUE(body.contains("corrected_query"));
}

TEST_F(ServerTest, FacetsAreDisjunctive) {
  json body = GetJson("/api/search?q=&topic=Labor");
  EXPECT_EQ(2, body["total"]);
  json topics = body["facets"]["topic"];
  // Ticking Labor leaves the topic counts of the unfiltered set: Housing 2, Labor 2.
  ASSERT_EQ(2u, topics.size());
  EXPECT_EQ(2, topics[0]["count"]);
  EXPECT_EQ(2, topics[1]["count"]);
  json cities = body["facets"]["city"];  // among Labor articles: Boston 2, Seattle 1
  ASSERT_EQ(2u, cities.size());
  EXPECT_EQ("Boston", cities[0]["value"]);
  EXPECT_EQ(2, cities[0]["count"]);
  EXPECT_EQ("Seattle", cities[1]["value"]);
  EXPECT_EQ(1, cities[1]["count"]);
}

TEST_F(ServerTest, EmptyQueryBrowsesNewestFirst) {
  json body = GetJson("/api/search");
  ASSERT_EQ(3u, body["hits"].size());
  EXPECT_EQ("a3", body["hits"][0]["id"]);
  EXPECT_EQ("a2", body["hits"][1]["id"]);
  EXPECT_EQ("a1", body["hits"][2]["id"]);
}

TEST_F(ServerTest, BadParametersAre400WithAStableCode) {
  json body = GetJson("/api/search?q=strike&per_page=100000", 400);
  EXPECT_EQ("invalid_parameter", body["error"]["code"]);
  EXPECT_NE(std::string::npos, body["error"]["message"].get<std::string>().find("per_page"));
  EXPECT_EQ("not_found", GetJson("/api/nothing-here", 404)["error"]["code"]);
}

TEST_F(ServerTest, HostileQueriesNeverFail) {
  const std::string hostile[] = {"%22unbalanced",
                                 "(((",
                                 "AND",
                                 "OR OR NOT",
                                 "-",
                                 "%22%22",
                                 "title:",
                                 "topic:",
                                 "a*",
                                 "*",
                                 "NEAR/99999",
                                 "%00%01%02",
                                 "%FF%FE",
                                 "%F0%9F%98%80",
                                 "%D7%A9%D7%9C",
                                 "1'%3B DROP TABLE x--",
                                 "<script>x</script>",
                                 "strike NEAR rent",
                                 "issue:abc"};
  httplib::Client client = Client();
  for (const std::string& q : hostile) {
    httplib::Result result = client.Get("/api/search?q=" + q);
    ASSERT_TRUE(result) << q;
    EXPECT_EQ(200, result->status) << q << " -> " << result->body;
  }
  httplib::Result huge = client.Get("/api/search?q=" + std::string(1000, 'x'));
  ASSERT_TRUE(huge);
  EXPECT_EQ(200, huge->status);
}

TEST_F(ServerTest, ServesTheSearchPage) {
  httplib::Client client = Client();
  httplib::Result page = client.Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(200, page->status);
  EXPECT_EQ("text/html; charset=utf-8", page->get_header_value("Content-Type"));
  EXPECT_NE(std::string::npos, page->body.find("src=\"/app.js\""));
  EXPECT_NE(std::string::npos, client.Get("/app.js")->body.find("/api/search"));
  EXPECT_EQ("{\"status\":\"ok\"}", client.Get("/healthz")->body);
}

}  // namespace
}  // namespace archive::server::test
