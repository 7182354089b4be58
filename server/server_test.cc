// The real server on an ephemeral loopback port, over a small real index.
#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "indexer/indexer.h"
#include "server/routes.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"

namespace archive::server {
namespace {

using nlohmann::json;

Article MakeArticle(std::string id, std::string title, std::string body, std::string date,
                    std::vector<std::string> topics, std::vector<std::string> cities) {
  Article article;
  article.id = std::move(id);
  article.title = std::move(title);
  article.body = std::move(body);
  article.date = std::move(date);
  article.topics = std::move(topics);
  article.cities = std::move(cities);
  return article;
}

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    {
      auto indexer = indexer::Indexer::Open({dir_.path()});
      ASSERT_ARCHIVE_OK(indexer);
      for (const Article& article : {
               MakeArticle("a1", "Tenants win rent control",
                           "<p>Seattle tenants &amp; Sāwant’s office won rent control.</p>",
                           "2019-11-05", {"Housing"}, {"Seattle"}),
               MakeArticle("a2", "Port strike", "Boston dockworkers strike for a contract.",
                           "2020-01-10", {"Labor"}, {"Boston"}),
               MakeArticle("a3", "Rent strike spreads", "Rent strikes in Boston and Seattle.",
                           "2020-02-10", {"Housing", "Labor"}, {"Boston", "Seattle"}),
           }) {
        ASSERT_ARCHIVE_OK((*indexer)->Add(article));
      }
      ASSERT_ARCHIVE_OK((*indexer)->Commit());
    }
    auto searcher = query::Searcher::Open({dir_.path()});
    ASSERT_ARCHIVE_OK(searcher);
    searcher_ = std::move(searcher).value();
    ConfigureServer(server_, ServerOptions());
    RegisterRoutes(server_, *searcher_);
    port_ = server_.bind_to_any_port("127.0.0.1");
    ASSERT_GT(port_, 0);
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::yield();
  }

  void TearDown() override {
    server_.stop();
    if (thread_.joinable()) thread_.join();
  }

  json GetJson(const std::string& path, int expected_status = 200) {
    httplib::Client client("127.0.0.1", port_);
    httplib::Result result = client.Get(path);
    EXPECT_TRUE(result) << path;
    if (!result) return json();
    EXPECT_EQ(expected_status, result->status) << path << " -> " << result->body;
    EXPECT_EQ("application/json; charset=utf-8", result->get_header_value("Content-Type"));
    return json::parse(result->body);
  }

  test::TempDir dir_;
  std::unique_ptr<query::Searcher> searcher_;
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
};

TEST_F(ServerTest, SearchReturnsHitsSnippetsAndFacets) {
  json body = GetJson("/api/search?q=sawant");
  EXPECT_EQ(1, body["total"]);
  ASSERT_EQ(1u, body["hits"].size());
  const json& hit = body["hits"][0];
  EXPECT_EQ("a1", hit["id"]);
  EXPECT_EQ("2019-11-05", hit["date"]);
  // The accented original is highlighted, and the text is HTML-escaped around the marks.
  EXPECT_EQ("Seattle tenants &amp; <mark>Sāwant’s</mark> office won rent control.", hit["snippet"]);
  EXPECT_EQ(1, body["facets"]["topic"][0]["count"]);
  EXPECT_EQ(1, body["generation"]);
  EXPECT_EQ(1, body["revision"]);
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
  httplib::Client client("127.0.0.1", port_);
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
  httplib::Client client("127.0.0.1", port_);
  httplib::Result page = client.Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(200, page->status);
  EXPECT_NE(std::string::npos, page->body.find("/api/search"));
  EXPECT_EQ("{\"status\":\"ok\"}", client.Get("/healthz")->body);
}

}  // namespace
}  // namespace archive::server
