#include "server/page_render.h"

#include <gtest/gtest.h>

namespace archive::server {
namespace {

query::Hit MakeHit() {
  query::Hit hit;
  hit.id = "a/1";
  hit.title = "Tenants & <landlords>";
  hit.title_highlighted = "Tenants &amp; &lt;<mark>landlords</mark>&gt;";
  hit.snippet = "rent &lt;b&gt; <mark>landlords</mark>";
  hit.date = "2019-11-05";
  hit.issue = 12;
  hit.topics = {"Housing"};
  hit.cities = {"<Seattle>"};
  return hit;
}

TEST(HtmlEscapeTest, EscapesMarkupAndQuotes) {
  EXPECT_EQ("&lt;img src=x onerror=&quot;a&#39;&quot;&gt; &amp;amp;",
            HtmlEscape("<img src=x onerror=\"a'\"> &amp;"));
  EXPECT_EQ("Sāwant’s", HtmlEscape("Sāwant’s"));
}

TEST(UrlEncodeTest, KeepsUnreservedOnly) {
  EXPECT_EQ("a-b_c.d~e%20f%26g%3D%C4%81", UrlEncode("a-b_c.d~e f&g=ā"));
}

TEST(RenderResultsPageTest, EscapesTheEchoedQueryEverywhere) {
  const Params params = {{"q", "<script>x</script>\""}, {"city", "\"><b>"}};
  query::SearchRequest request;
  request.query = "<script>x</script>\"";
  query::SearchResult result;
  result.total = 0;
  const std::string html = RenderResultsPage({params, &request, &result, "", 1.5});
  EXPECT_EQ(std::string::npos, html.find("<script>x"));
  EXPECT_EQ(std::string::npos, html.find("\"><b>"));
  EXPECT_NE(std::string::npos, html.find("value=\"&lt;script&gt;x&lt;/script&gt;&quot;\""));
  EXPECT_NE(std::string::npos, html.find("<title>&lt;script&gt;"));
  // The filter travels on in the form as a hidden field, escaped.
  EXPECT_NE(std::string::npos,
            html.find("<input type=\"hidden\" name=\"city\" value=\"&quot;&gt;&lt;b&gt;\">"));
}

TEST(RenderResultsPageTest, RendersHitsFacetsStatusAndPages) {
  const Params params = {{"q", "landlords"}, {"topic", "Housing"}, {"highlight_pre", "<x>"}};
  query::SearchRequest request;
  request.query = "landlords";
  request.limit = 10;
  query::SearchResult result;
  result.total = 25;
  result.total_is_exact = true;
  result.generation = 3;
  result.revision = 7;
  result.hits = {MakeHit()};
  result.facets["topic"] = {{"Housing", 25}};
  result.facets["city"] = {{"Seattle & Tacoma", 4}};
  result.suggestion = "landlord's";
  const std::string html = RenderResultsPage({params, &request, &result, "", 2.5});
  EXPECT_NE(std::string::npos, html.find("25 articles · 2.5 ms · index generation 3, revision 7"))
      << html;
  // Highlighted fields come escaped from the query library and are used as they are.
  EXPECT_NE(std::string::npos, html.find("Tenants &amp; &lt;<mark>landlords</mark>&gt;</a>"));
  EXPECT_NE(std::string::npos, html.find("2019-11-05 · Issue 12 · Housing · &lt;Seattle&gt;"));
  EXPECT_NE(std::string::npos, html.find("href=\"/article/a%2F1?q=landlords\""));
  // Ticked topic unticks; an unticked city adds to the selection; the page resets.
  EXPECT_NE(std::string::npos,
            html.find("href=\"/search?q=landlords\" aria-current=\"true\" class=\"on\">☑ Housing"));
  EXPECT_NE(std::string::npos,
            html.find("href=\"/search?q=landlords&amp;topic=Housing&amp;city=Seattle%20%26%20"
                      "Tacoma\">☐ Seattle &amp; Tacoma</a> <span class=\"count\">4</span>"));
  EXPECT_NE(std::string::npos, html.find("Did you mean <a href=\"/search?q=landlord%27s&amp;"
                                         "topic=Housing\">landlord&#39;s</a>?"));
  EXPECT_NE(std::string::npos, html.find("Page 1 of 3"));
  EXPECT_NE(std::string::npos, html.find("rel=\"next\" href=\"/search?q=landlords&amp;topic="
                                         "Housing&amp;page=2\""));
  EXPECT_EQ(std::string::npos, html.find("highlight_pre"));  // not carried on
}

TEST(RenderResultsPageTest, AnErrorIsSaidEscaped) {
  const Params params = {{"per_page", "<0>"}};
  const std::string html = RenderResultsPage({params, nullptr, nullptr, "per_page: <bad>"});
  EXPECT_NE(std::string::npos, html.find("role=\"alert\">per_page: &lt;bad&gt;</p>"));
}

TEST(RenderArticleViewTest, ShowsTheTextOfAnHtmlBodyEscaped) {
  Article article;
  article.id = "a1";
  article.title = "Rent <strike> & more";
  article.body = "<p>First &amp; <b>bold</b> &lt;tag&gt;</p><script>alert(1)</script><p>Second</p>";
  article.date = "2019-11-05";
  article.issue = 12;
  article.authors = {"A. <Writer>"};
  article.topics = {"Housing"};
  const std::string view = RenderArticleView(article, "rent \"x\"");
  EXPECT_NE(std::string::npos, view.find("href=\"/?q=rent%20%22x%22\">‹ Results for “rent "
                                         "&quot;x&quot;”</a>"));
  EXPECT_NE(std::string::npos, view.find("<h1>Rent &lt;strike&gt; &amp; more</h1>"));
  EXPECT_NE(std::string::npos,
            view.find("2019-11-05 · <a href=\"/issues/12\">Issue 12</a> · By A. &lt;Writer&gt;"));
  EXPECT_NE(std::string::npos, view.find("<p>First &amp; bold &lt;tag&gt;</p>\n<p>Second</p>"));
  EXPECT_EQ(std::string::npos, view.find("alert"));
}

TEST(WithArticleViewTest, FillsTheEmptyViewAndTheTitle) {
  const std::string page = WithArticleView(
      "<title>Archive search</title><article id=\"view-article\" class=\"article\" "
      "hidden></article>",
      "A <b>", "<h1>x</h1>");
  EXPECT_EQ(
      "<title>A &lt;b&gt; – Archive search</title><article id=\"view-article\" "
      "class=\"article\">\n<h1>x</h1></article>",
      page);
}

}  // namespace
}  // namespace archive::server
