#include "corpus/html_page_reader.h"

#include <gtest/gtest.h>

#include "core/html_text.h"
#include "corpus/record_collector_test_util.h"

namespace archive::corpus {
namespace {

constexpr const char* kPages = "corpus/testdata/html-pages";

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class HtmlPageReaderTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(ReadHtmlPages(kPages, {}, got_.callbacks()).ok()); }

  const Article* Find(const std::string& id) const {
    for (const Article& article : got_.articles) {
      if (article.id == id) return &article;
    }
    return nullptr;
  }

  RecordCollector got_;
};

TEST_F(HtmlPageReaderTest, ReadsEveryPageInSortedOrder) {
  EXPECT_EQ(std::vector<std::string>(
                {"example.org-2020-03-20-minneapolis-rent-strike", "2020-04-may-day", "about"}),
            got_.ids());
  ASSERT_EQ(1u, got_.rejections.size());
  EXPECT_EQ(std::string(kPages) +
                "/broken/bad-date.html: date meta: \"next Tuesday\" is not ISO 8601 or RFC 822",
            got_.rejections[0].ToString());
}

TEST_F(HtmlPageReaderTest, TakesMetadataFromTheHead) {
  const Article* page = Find("example.org-2020-03-20-minneapolis-rent-strike");
  ASSERT_NE(nullptr, page);
  EXPECT_EQ("Minneapolis tenants begin rent strike", page->title);
  EXPECT_EQ("2020-03-20", page->date);
  EXPECT_EQ("https://example.org/2020/03/20/minneapolis-rent-strike/", page->url);
  EXPECT_EQ(std::vector<std::string>{"Darnell Okafor"}, page->authors);
}

TEST_F(HtmlPageReaderTest, KeepsTheArticleWithoutTheFurniture) {
  const Article* page = Find("example.org-2020-03-20-minneapolis-rent-strike");
  ASSERT_NE(nullptr, page);
  std::string text = HtmlToText(page->body);
  EXPECT_TRUE(Contains(text, "Three hundred tenants")) << text;
  EXPECT_TRUE(Contains(text, "meets every Sunday")) << text;
  EXPECT_TRUE(Contains(text, "\u201cWe pay on time")) << text;
  for (const char* furniture :
       {"Donate", "Rent control wins", "Latest articles", "Nurses strike", "Sign up", "Tweet",
        "Subscribe", "dataLayer", "Example Socialist Paper"}) {
    EXPECT_FALSE(Contains(text, furniture)) << furniture << " in: " << text;
  }
}

TEST_F(HtmlPageReaderTest, DecodesWindows1252) {
  const Article* page = Find("2020-04-may-day");
  ASSERT_NE(nullptr, page);
  EXPECT_EQ("May Day: caf\u00e9 workers march", page->title);  // <h1>, not <title>
  EXPECT_EQ("2020-05-01", page->date);                         // <time datetime>
  EXPECT_EQ("", page->url);
  std::string text = HtmlToText(page->body);
  EXPECT_TRUE(Contains(text, "\u201cWe want a union,\u201d said the baristas")) << text;
  EXPECT_TRUE(Contains(text, "city hall \u2013 with")) << text;
  EXPECT_FALSE(Contains(text, "Read more")) << text;
  EXPECT_FALSE(Contains(text, "Archive")) << text;
}

TEST_F(HtmlPageReaderTest, TrustsValidUtf8OverTheDeclaredCharset) {
  const Article* page = Find("about");
  ASSERT_NE(nullptr, page);
  EXPECT_EQ("About the paper", page->title);
  std::string text = HtmlToText(page->body);
  EXPECT_TRUE(Contains(text, "Seattle to S\u00e3o Paulo")) << text;
  EXPECT_FALSE(Contains(text, "Footer text")) << text;
  EXPECT_FALSE(Contains(text, "Contact")) << text;
}

TEST(HtmlPageTest, RejectsWhatMakesNoArticle) {
  EXPECT_EQ(
      "title: empty (no og:title, <h1> or <title>)",
      ParseHtmlPage("<html><body><p>No headline</p></body></html>", "x.html").status().message());
  EXPECT_FALSE(ParseHtmlPage(std::string("\x00\x01\xff\xfe\x80garbage", 12), "x.html").ok());
  ReaderOptions options;
  options.max_body_bytes = 10;
  StatusOr<Article> big =
      ParseHtmlPage("<title>T</title><p>A body longer than ten bytes</p>", "big.html", options);
  ASSERT_FALSE(big.ok());
  EXPECT_TRUE(big.status().message().starts_with("body: ")) << big.status().message();
}

TEST(HtmlPageTest, IdFromAPathIsSanitised) {
  StatusOr<Article> page =
      ParseHtmlPage("<title>T</title><p>x</p>", "news/2019/Strike at the Caf\u00e9 (1).html");
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_EQ("news-2019-Strike-at-the-Caf-1", page->id);
}

TEST(HtmlPageTest, MissingDirectoryIsNotFound) {
  RecordCollector got;
  EXPECT_EQ(StatusCode::kNotFound,
            ReadHtmlPages("corpus/testdata/no-such-dir", {}, got.callbacks()).code());
}

}  // namespace
}  // namespace archive::corpus
