#include "corpus/article_validation.h"

#include <gtest/gtest.h>

#include "corpus/date_formats.h"
#include "corpus/source_bytes.h"
#include "corpus/wp_content.h"

namespace archive::corpus {
namespace {

TEST(ArticleValidationTest, SanitizeIdKeepsTheCharsetAndTheLimit) {
  EXPECT_EQ("example.org-2020-03-a-b", SanitizeId("example.org/2020/03/a b/"));
  EXPECT_EQ("", SanitizeId("///"));
  std::string long_id = SanitizeId(std::string(300, 'x'));
  EXPECT_EQ(128u, long_id.size());
  EXPECT_TRUE(IsValidId(long_id));
  EXPECT_NE(long_id, SanitizeId(std::string(301, 'x')));  // the hash keeps them apart
}

TEST(ArticleValidationTest, FinishArticleCleansAndValidates) {
  Article article;
  article.id = "x";
  article.title = " Two\nlines ";
  article.topics = {"Labor", " Labor", ""};
  ASSERT_TRUE(FinishArticle(article, {}).ok());
  EXPECT_EQ("Two lines", article.title);
  EXPECT_EQ(std::vector<std::string>{"Labor"}, article.topics);
  article.date = "March 3";
  EXPECT_TRUE(FinishArticle(article, {}).message().starts_with("date: "));
}

TEST(DateFormatsTest, Rfc822) {
  EXPECT_EQ("2020-03-14", ParseRfc822Date("Sat, 14 Mar 2020 18:05:00 +0000"));
  EXPECT_EQ("2020-03-04", ParseRfc822Date("4 March 2020"));
  EXPECT_EQ("1999-12-31", ParseRfc822Date("Fri, 31 Dec 99 23:59:59 GMT"));
  EXPECT_EQ("", ParseRfc822Date("next Tuesday"));
  EXPECT_EQ("", ParseRfc822Date("Mon, 30 Nov -0001 00:00:00 +0000"));
  EXPECT_EQ("2020-03-02", DateFromUnixTime(1583139600));
  EXPECT_EQ("", DateFromUnixTime(-1));
}

TEST(SourceBytesTest, ReplacesOnlyInvalidSequences) {
  EXPECT_TRUE(IsValidUtf8("S\u00e3o Paulo \u2014 \U0001F600"));
  EXPECT_FALSE(IsValidUtf8("caf\xe9"));
  EXPECT_FALSE(IsValidUtf8("\xed\xa0\x80"));  // a surrogate
  EXPECT_FALSE(IsValidUtf8("\xc0\xaf"));      // overlong
  EXPECT_EQ("caf\uFFFD \u00e9", ReplaceInvalidUtf8("caf\xe9 \u00e9"));
  EXPECT_EQ("\uFFFD\uFFFD", ReplaceInvalidUtf8("\xe2\x80"));  // cut short: byte by byte
  EXPECT_EQ("\u201cCaf\u00e9\u201d \uFFFD", Windows1252ToUtf8("\x93"
                                                              "Caf\xe9\x94 \x81"));
}

TEST(WpContentTest, ShortcodesAndBlocks) {
  EXPECT_EQ("<p>A</p>\n\n text ", CleanWordPressContent("<!-- wp:paragraph --><p>A</p>"
                                                        "<!-- /wp:paragraph -->\n\n"
                                                        "[caption id=\"1\"] text [/caption]"));
  EXPECT_EQ("See  here", CleanWordPressContent("See [embed]https://video.example/1[/embed] here"));
  EXPECT_EQ("Keep [sic] and [1] and <!-- a note -->",
            CleanWordPressContent("Keep [sic] and [1] and <!-- a note -->"));
  EXPECT_EQ("<p>One</p>\n<p>Two</p>\n", CleanWordPressContent("One\n\nTwo"));
}

}  // namespace
}  // namespace archive::corpus
