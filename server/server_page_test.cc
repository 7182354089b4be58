// The page's routes on a real server: the embedded assets with their types and
// validators, the server-rendered results page (same search as /api/search, escaped),
// and CORS for the widget's calls from another site.
#include <gtest/gtest.h>

#include "server/testing/server_fixture.h"

namespace archive::server::test {
namespace {

class PageTest : public ServerFixture {};

TEST_F(PageTest, AssetsHaveTypesValidatorsAndCacheHeaders) {
  const std::pair<const char*, const char*> assets[] = {
      {"/", "text/html; charset=utf-8"},         {"/app.js", "text/javascript; charset=utf-8"},
      {"/style.css", "text/css; charset=utf-8"}, {"/widget.js", "text/javascript; charset=utf-8"},
      {"/issues", "text/html; charset=utf-8"},   {"/issues/3", "text/html; charset=utf-8"}};
  httplib::Client client = Client();
  for (const auto& [path, type] : assets) {
    httplib::Result result = client.Get(path);
    ASSERT_TRUE(result) << path;
    EXPECT_EQ(200, result->status) << path;
    EXPECT_EQ(type, result->get_header_value("Content-Type")) << path;
    EXPECT_EQ("public, max-age=300", result->get_header_value("Cache-Control")) << path;
    EXPECT_FALSE(result->body.empty()) << path;
    const std::string etag = result->get_header_value("ETag");
    ASSERT_FALSE(etag.empty()) << path;
    httplib::Result again = client.Get(path, {{"If-None-Match", etag}});
    ASSERT_TRUE(again);
    EXPECT_EQ(304, again->status) << path;
  }
  EXPECT_NE(std::string::npos, client.Get("/")->body.find("src=\"/app.js\""));
  EXPECT_NE(std::string::npos, client.Get("/widget.js")->body.find("form[role=search]"));
}

TEST_F(PageTest, ArticlePageCarriesTheArticleForBrowsersWithoutJavaScript) {
  httplib::Result page = Client().Get("/article/a1?q=%3Crent%3E");
  ASSERT_TRUE(page);
  EXPECT_EQ(200, page->status);
  EXPECT_EQ("text/html; charset=utf-8", page->get_header_value("Content-Type"));
  EXPECT_EQ("no-cache", page->get_header_value("Cache-Control"));
  EXPECT_NE(std::string::npos, page->body.find("<title>Tenants win rent control – Archive"));
  EXPECT_NE(std::string::npos, page->body.find("<article id=\"view-article\" class=\"article\">"
                                               "\n<p><a class=\"back\" href=\"/?q=%3Crent%3E\">"
                                               "‹ Results for “&lt;rent&gt;”</a></p>"));
  EXPECT_NE(std::string::npos, page->body.find("<h1>Tenants win rent control</h1>"));
  // The stored HTML body is shown as its text, escaped.
  EXPECT_NE(std::string::npos,
            page->body.find("<p>Seattle tenants &amp; Sāwant’s office won rent control.</p>"));
  EXPECT_NE(std::string::npos, page->body.find("src=\"/app.js\""));

  httplib::Result missing = Client().Get("/article/nope");
  ASSERT_TRUE(missing);
  EXPECT_EQ(404, missing->status);
  EXPECT_NE(std::string::npos, missing->body.find("class=\"article\" hidden></article>"));
  httplib::Result invalid = Client().Get("/article/%3Cx%3E");
  ASSERT_TRUE(invalid);
  EXPECT_EQ(404, invalid->status);
}

TEST_F(PageTest, AssetsAreCompressedForClientsThatAcceptIt) {
  httplib::Client client = Client();
  client.set_decompress(false);
  httplib::Result plain = client.Get("/app.js");
  httplib::Result zipped = client.Get("/app.js", {{"Accept-Encoding", "gzip"}});
  ASSERT_TRUE(plain);
  ASSERT_TRUE(zipped);
  EXPECT_EQ("gzip", zipped->get_header_value("Content-Encoding"));
  EXPECT_LT(zipped->body.size(), plain->body.size() / 2);
}

TEST_F(PageTest, ResultsPageShowsTheSameHitsAsTheApi) {
  const json api = GetJson("/api/search?q=rent&city=Boston");
  httplib::Result page = Client().Get("/search?q=rent&city=Boston");
  ASSERT_TRUE(page);
  EXPECT_EQ(200, page->status);
  EXPECT_EQ("text/html; charset=utf-8", page->get_header_value("Content-Type"));
  ASSERT_EQ(1u, api["hits"].size());
  EXPECT_NE(std::string::npos, page->body.find("<a href=\"/article/a3?q=rent\">"));
  EXPECT_NE(std::string::npos,
            page->body.find(api["hits"][0]["title_highlighted"].get<std::string>()));
  EXPECT_NE(std::string::npos, page->body.find("1 article · "));
  EXPECT_EQ(std::string::npos, page->body.find("/article/a1"));  // Seattle only
}

TEST_F(PageTest, ResultsPageEscapesTheQueryAndKeepsItsOwnHighlightMarkup) {
  httplib::Result page = Client().Get(
      "/search?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E%20rent&highlight_pre=%3Cb%3E");
  ASSERT_TRUE(page);
  EXPECT_EQ(200, page->status);
  EXPECT_EQ(std::string::npos, page->body.find("<img"));
  EXPECT_EQ(std::string::npos, page->body.find("<b>"));
  EXPECT_NE(std::string::npos,
            page->body.find("value=\"&lt;img src=x onerror=alert(1)&gt; rent\""));
  EXPECT_NE(std::string::npos, page->body.find("<mark>"));
}

TEST_F(PageTest, ResultsPageRefusesBadParametersInHtml) {
  httplib::Result page = Client().Get("/search?q=rent&per_page=%3C0%3E");
  ASSERT_TRUE(page);
  EXPECT_EQ(400, page->status);
  EXPECT_EQ("text/html; charset=utf-8", page->get_header_value("Content-Type"));
  EXPECT_NE(std::string::npos, page->body.find("role=\"alert\">per_page: must be"));
}

TEST_F(PageTest, ResultsPageSearchesCountInTheQueryStatistics) {
  ASSERT_TRUE(Client().Get("/search?q=strike"));
  const json stats = json::parse(AdminClient().Get("/api/stats")->body);
  EXPECT_EQ(1, stats["searches"]);
  EXPECT_EQ("strike", stats["popular"][0]["query"]);
}

// The widget runs on the WordPress site's origin: its calls need the server's CORS list.
TEST_F(PageTest, WidgetCallsFromAnAllowedSiteGetCorsHeaders) {
  ServerOptions options;
  options.cors_origins = {"https://news.example"};
  Start(options);
  httplib::Result allowed =
      Client().Get("/api/search?q=rent&per_page=5&facets=", {{"Origin", "https://news.example"}});
  ASSERT_TRUE(allowed);
  EXPECT_EQ("https://news.example", allowed->get_header_value("Access-Control-Allow-Origin"));
  httplib::Result other =
      Client().Get("/api/search?q=rent&per_page=5&facets=", {{"Origin", "https://evil.example"}});
  ASSERT_TRUE(other);
  EXPECT_FALSE(other->has_header("Access-Control-Allow-Origin"));
}

TEST_F(PageTest, PageRoutesAnswerOptionsAndRefuseOtherMethods) {
  httplib::Result options = Client().Options("/search");
  ASSERT_TRUE(options);
  EXPECT_EQ(204, options->status);
  httplib::Result post = Client().Post("/widget.js", "x", "text/plain");
  ASSERT_TRUE(post);
  EXPECT_EQ(405, post->status);
  EXPECT_EQ("GET, HEAD, OPTIONS", post->get_header_value("Allow"));
}

}  // namespace
}  // namespace archive::server::test
