// The browsing routes against the real server: suggestions, articles, articles like one,
// issues and an issue's contents, whole-archive facets; each error and limit.
#include "server/archive_codec.h"
#include "server/testing/server_fixture.h"

namespace archive::server::test {
namespace {

Article Printed(Article article, int issue) {
  article.issue = issue;
  return article;
}

Article Record(std::string id, std::string kind, int issue, std::string title, std::string body) {
  Article article =
      MakeArticle(std::move(id), std::move(title), std::move(body), "2019-11-01", {}, {});
  article.kind = std::move(kind);
  article.issue = issue;
  return article;
}

class ServerArchiveTest : public ServerFixture {
 protected:
  static void SetUpTestSuite() {
    std::vector<Article> articles = Articles();
    articles[0] = Printed(articles[0], 7);
    articles[1] = Printed(articles[1], 7);
    articles.push_back(Record("issue-0007", "issue", 7, "Issue 7: November 2019", "Contents."));
    articles.push_back(Record("issue-0007-p01", "article", 7, "Issue 7, page 1",
                              "PORT STRIKE. Dockworkers walked out."));
    articles.push_back(Record("issue-0007-p02", "article", 7, "Issue 7, page 2",
                              "Tenants win rent control, and more."));
    BuildIndex(articles);
  }

  std::string ErrorCode(const std::string& path, int status) {
    return GetJson(path, status)["error"]["code"];
  }
};

TEST_F(ServerArchiveTest, SuggestCompletesTheLastWordAndMatchesHeadlines) {
  json body = GetJson("/api/suggest?q=Rent%20con");
  ASSERT_FALSE(body["completions"].empty());
  EXPECT_EQ("rent control", body["completions"][0]["text"]);
  ASSERT_EQ(1u, body["headlines"].size());
  EXPECT_EQ("a1", body["headlines"][0]["id"]);
  EXPECT_EQ("Tenants win rent control", body["headlines"][0]["title"]);
  EXPECT_EQ(1u, GetJson("/api/suggest?q=s&limit=1")["completions"].size());
  EXPECT_TRUE(GetJson("/api/suggest")["completions"].empty());
}

TEST_F(ServerArchiveTest, SuggestLimits) {
  EXPECT_EQ("invalid_parameter", ErrorCode("/api/suggest?q=a&limit=0", 400));
  EXPECT_EQ("invalid_parameter", ErrorCode("/api/suggest?q=a&limit=21", 400));
  EXPECT_EQ("invalid_parameter", ErrorCode("/api/suggest?q=a&limit=x", 400));
  EXPECT_EQ("invalid_parameter",
            ErrorCode("/api/suggest?q=" + std::string(kMaxSuggestBytes + 1, 'a'), 400));
  GetJson("/api/suggest?q=%28%22*%5C%00");  // query syntax is only text here
}

TEST_F(ServerArchiveTest, ArticleHasItsStoredTextAndAValidator) {
  json body = GetJson("/api/articles/a2");
  EXPECT_EQ("Port strike", body["title"]);
  EXPECT_EQ("Boston dockworkers strike for a contract.", body["body"]);
  EXPECT_EQ(7, body["issue"]);
  EXPECT_EQ(json({"Labor"}), body["topics"]);
  httplib::Result first = Client().Get("/api/articles/a2");
  ASSERT_TRUE(first);
  const std::string etag = first->get_header_value("ETag");
  ASSERT_FALSE(etag.empty());
  httplib::Result again = Client().Get("/api/articles/a2", {{"If-None-Match", etag}});
  ASSERT_TRUE(again);
  EXPECT_EQ(304, again->status);
}

TEST_F(ServerArchiveTest, ArticleErrors) {
  EXPECT_EQ("not_found", ErrorCode("/api/articles/nope", 404));
  EXPECT_EQ("invalid_parameter", ErrorCode("/api/articles/bad%20id", 400));
  EXPECT_EQ("invalid_parameter", ErrorCode("/api/articles/" + std::string(129, 'a'), 400));
  EXPECT_EQ("invalid_parameter", ErrorCode("/api/articles/%C3%A9", 400));
  httplib::Result post = Client().Post("/api/articles/a1", "{}", "application/json");
  ASSERT_TRUE(post);
  EXPECT_EQ(405, post->status);
  EXPECT_EQ("GET, HEAD, OPTIONS", post->get_header_value("Allow"));
  httplib::Result options = Client().Options("/api/articles/a1/similar");
  ASSERT_TRUE(options);
  EXPECT_EQ(204, options->status);
}

TEST_F(ServerArchiveTest, SimilarRanksOtherArticles) {
  json body = GetJson("/api/articles/a3/similar?per_page=5");
  ASSERT_FALSE(body["hits"].empty());
  for (const json& hit : body["hits"]) EXPECT_NE("a3", hit["id"]);
  EXPECT_EQ(json::object(), body["facets"]);
  EXPECT_TRUE(GetJson("/api/articles/a3/similar?format=ids")["ids"].is_array());
  EXPECT_EQ("not_found", ErrorCode("/api/articles/nope/similar", 404));
  EXPECT_EQ("invalid_parameter", ErrorCode("/api/articles/a%20b/similar", 400));
  EXPECT_EQ("invalid_parameter", ErrorCode("/api/articles/a3/similar?per_page=0", 400));
}

TEST_F(ServerArchiveTest, IssuesListEveryPrintedIssue) {
  json body = GetJson("/api/issues");
  ASSERT_EQ(1u, body["issues"].size());
  const json& seven = body["issues"][0];
  EXPECT_EQ(7, seven["number"]);
  EXPECT_EQ("Issue 7: November 2019", seven["title"]);
  EXPECT_EQ(2, seven["articles"]);
  EXPECT_EQ(2, seven["pages"]);
  EXPECT_EQ(1, body["total"]);
}

TEST_F(ServerArchiveTest, IssueIsATableOfContentsWithPages) {
  json body = GetJson("/api/issues/7");
  EXPECT_EQ("issue-0007", body["id"]);
  ASSERT_EQ(2u, body["contents"].size());
  EXPECT_EQ("a2", body["contents"][0]["id"]);
  EXPECT_EQ(1, body["contents"][0]["page"]);
  EXPECT_EQ("a1", body["contents"][1]["id"]);
  EXPECT_EQ(2, body["contents"][1]["page"]);
  ASSERT_EQ(2u, body["page_records"].size());
  EXPECT_EQ("issue-0007-p01", body["page_records"][0]["id"]);
  EXPECT_EQ("not_found", ErrorCode("/api/issues/8", 404));
  for (const char* bad : {"0", "-1", "x", "1000001", "99999999999999999999", "7.0"})
    EXPECT_EQ("invalid_parameter", ErrorCode(std::string("/api/issues/") + bad, 400)) << bad;
}

TEST_F(ServerArchiveTest, FacetsCountTheWholeArchive) {
  json body = GetJson("/api/facets");
  EXPECT_EQ(json({{{"value", "Housing"}, {"count", 2}}, {{"value", "Labor"}, {"count", 2}}}),
            body["facets"]["topic"]);
  EXPECT_TRUE(body["facets"].contains("city"));
  EXPECT_TRUE(body["facets"].contains("year"));
  EXPECT_FALSE(body["facets"].contains("author"));
  json authors = GetJson("/api/facets?facets=author,issue");
  EXPECT_EQ(2u, authors["facets"].size());
  EXPECT_EQ("invalid_parameter", ErrorCode("/api/facets?facets=colour", 400));
}

}  // namespace
}  // namespace archive::server::test
