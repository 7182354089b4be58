#include "core/html_text.h"

#include <gtest/gtest.h>

namespace archive {
namespace {

TEST(HtmlTextTest, DetectsMarkupAndEntities) {
  EXPECT_TRUE(LooksLikeHtml("<p>Hello</p>"));
  EXPECT_TRUE(LooksLikeHtml("Tom &amp; Jerry"));
  EXPECT_TRUE(LooksLikeHtml("it&#8217;s"));
  EXPECT_FALSE(LooksLikeHtml("5 < 6 and 7 > 3"));
  EXPECT_FALSE(LooksLikeHtml("Fight for $15 & a union"));
  EXPECT_FALSE(LooksLikeHtml("plain text"));
}

TEST(HtmlTextTest, KeepsParagraphsAndDecodesEntities) {
  EXPECT_EQ("First paragraph with a link.\n\nSecond — “quoted” & done.",
            HtmlToText("<p>First paragraph with <a href=\"/x\">a link</a>.</p>\n"
                       "<p>Second &mdash; &#8220;quoted&#8221; &amp; <em>done</em>.</p>"));
}

TEST(HtmlTextTest, DropsScriptsAndStyles) {
  EXPECT_EQ("Visible\n\nAlso visible",
            HtmlToText("<div>Visible<script>var hidden = 1;</script></div>"
                       "<style>p { color: red }</style><p>Also visible</p>"));
}

TEST(HtmlTextTest, SurvivesBrokenMarkup) {
  EXPECT_EQ("unclosed bold\n\nnext", HtmlToText("<p>unclosed <b>bold<p>next"));
  EXPECT_EQ("", HtmlToText(""));
}

}  // namespace
}  // namespace archive
