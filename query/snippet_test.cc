#include "query/snippet.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <string>

#include "core/analyzer.h"
#include "query/query_builder.h"

namespace archive::query {
namespace {

struct Case {
  const char* query;
  const char* text;
  const char* expected;
};

// Filler words w0 w1 ... so that a passage can be picked out of a long text.
std::string Filler(int from, int to) {
  std::string out;
  for (int i = from; i < to; ++i) {
    out += 'w';
    out += std::to_string(i);
    out += ' ';
  }
  return out;
}

class SnippetTest : public ::testing::Test {
 protected:
  SnippetTest()
      : analyzer_(Analyzer::Create().value()),
        db_(std::string(), Xapian::DB_BACKEND_INMEMORY),
        builder_(analyzer_, db_) {}

  // The query goes through the real QueryBuilder, as in a search.
  std::string Snippet(const std::string& query, std::string_view text, size_t words,
                      const HighlightStyle& style = {}) {
    return SnippetMaker(analyzer_, builder_.BuildText(query)).Snippet(text, words, style);
  }
  std::string Highlight(const std::string& query, std::string_view text,
                        const HighlightStyle& style = {}) {
    return SnippetMaker(analyzer_, builder_.BuildText(query)).Highlight(text, style);
  }

  Analyzer analyzer_;
  Xapian::WritableDatabase db_;
  QueryBuilder builder_;
};

TEST_F(SnippetTest, HighlightsTheOriginalWords) {
  const Case cases[] = {
      // A folded query term highlights the accented original, unchanged.
      {"sawant", "Councilmember Kshama Sāwant spoke.",
       "Councilmember Kshama <mark>Sāwant</mark> spoke."},
      {"Sāwant", "SAWANT and sawant", "<mark>SAWANT</mark> and <mark>sawant</mark>"},
      // Stems: "strike" finds "striking" and "strikes" but not "struck".
      {"strike", "The striking workers, whose strikes began Monday, struck again.",
       "The <mark>striking</mark> workers, whose <mark>strikes</mark> began Monday, struck "
       "again."},
      // A phrase is one span; its words elsewhere are still marked on their own.
      {"\"rent control\"", "They want rent control now; control of rent too.",
       "They want <mark>rent control</mark> now; <mark>control</mark> of <mark>rent</mark> too."},
      {"\"rent control\"", "Rent\ncontrol, and rent  control",
       "<mark>Rent control</mark>, and <mark>rent  control</mark>"},
      {"“rent control”", "Rent control", "<mark>Rent control</mark>"},
      // Apostrophes, curly or straight, stay inside the word.
      {"bernie", "Bernie’s campaign and Bernie's rally.",
       "<mark>Bernie’s</mark> campaign and <mark>Bernie&#39;s</mark> rally."},
      {"bernie's", "Bernie’s campaign", "<mark>Bernie’s</mark> campaign"},
      // A dollar amount is one word, found as typed. (Its number is a query term too, so a
      // bare 15 is marked as well.)
      {"$15", "The Fight for $15 and 15 workers.",
       "The Fight for <mark>$15</mark> and <mark>15</mark> workers."},
      {"$15", "The Fight for $15 now.", "The Fight for <mark>$15</mark> now."},
      {"\"fight for $15\"", "The Fight for $15 now.", "The <mark>Fight for $15</mark> now."},
      // Stems that are not a prefix of the word ("dying" stems to "die"), capitals, digits.
      {"dying", "Dies and DYING trees, 12 dead.",
       "<mark>Dies</mark> and <mark>DYING</mark> trees, 12 dead."},
      {"12 Yelling", "Dies and yelled: 12.", "Dies and <mark>yelled</mark>: <mark>12</mark>."},
      // Title and author fields highlight too.
      {"title:strike", "Strike at the port", "<mark>Strike</mark> at the port"},
      {"author:sawant", "Sāwant wins", "<mark>Sāwant</mark> wins"},
  };
  for (const Case& c : cases) EXPECT_EQ(c.expected, Snippet(c.query, c.text, 30)) << c.query;
}

TEST_F(SnippetTest, BooleanFilterTermsNeverHighlight) {
  EXPECT_EQ("Labor news about labor.", Snippet("topic:Labor", "Labor news about labor.", 30));
  EXPECT_EQ("Seattle in Seattle", Snippet("city:Seattle", "Seattle in Seattle", 30));
  EXPECT_EQ("Labor news about the <mark>union</mark>.",
            Snippet("topic:Labor union", "Labor news about the union.", 30));
  EXPECT_EQ("Labor Day in 2019",
            Highlight("topic:Labor year:2019 city:Labor", "Labor Day in 2019"));
}

TEST_F(SnippetTest, EscapesTextButNotMarkers) {
  const char* text = "A <script> tag & \"quotes\" and 'apostrophes' in a script.";
  EXPECT_EQ(
      "A &lt;<mark>script</mark>&gt; tag &amp; &quot;quotes&quot; and &#39;apostrophes&#39; in a "
      "<mark>script</mark>.",
      Snippet("script", text, 30));
  EXPECT_EQ(
      "A &lt;<mark>script</mark>&gt; tag &amp; &quot;quotes&quot; and &#39;apostrophes&#39; in a "
      "<mark>script</mark>.",
      Highlight("script", text));
}

TEST_F(SnippetTest, PlainModeLeavesTextAlone) {
  const HighlightStyle plain{"[", "]", false};
  const char* text = "A <script> tag & \"quotes\" and 'apostrophes' in a script.";
  EXPECT_EQ("A <[script]> tag & \"quotes\" and 'apostrophes' in a [script].",
            Snippet("script", text, 30, plain));
  EXPECT_EQ("Bernie's <b>", Highlight("apple", "Bernie's <b>", plain));
  // Custom markers are used as given, also in HTML mode.
  const HighlightStyle em{"<em class=\"hit\">", "</em>", true};
  EXPECT_EQ("<em class=\"hit\">Rent</em> &amp; more", Highlight("rent", "Rent & more", em));
}

TEST_F(SnippetTest, LineBreaksBecomeSpaces) {
  EXPECT_EQ("First line. <mark>Second</mark> line",
            Snippet("second", "First line.\n\nSecond\tline", 30));
}

TEST_F(SnippetTest, PicksThePassageWithTheMatches) {
  const std::string text = Filler(0, 50) + "the eviction moratorium ended " + Filler(50, 100);
  EXPECT_EQ("…w49 the <mark>eviction moratorium</mark> ended w50 w51 w52 w53 w54…",
            Snippet("eviction moratorium", text, 10));
  // At the very start: no leading ellipsis; at the very end: no trailing one.
  EXPECT_EQ("<mark>eviction</mark> w0 w1 w2…", Snippet("eviction", "eviction " + Filler(0, 20), 4));
  EXPECT_EQ("…w17 w18 w19 <mark>eviction</mark>",
            Snippet("eviction", Filler(0, 20) + "eviction", 4));
}

TEST_F(SnippetTest, PrefersMoreDistinctTermsOverRepeats) {
  const std::string text =
      "strike strike strike strike " + Filler(0, 30) + "a strike by the union " + Filler(30, 60);
  EXPECT_EQ("…w29 a <mark>strike</mark> by the <mark>union</mark> w30 w31…",
            Snippet("strike union", text, 8));
}

TEST_F(SnippetTest, KeepsEveryMatchOfTheBestWindow) {
  // The two terms are 9 words apart: only one 10-word window holds both, and the lead-in
  // context added before the first match must not push the second one out.
  const std::string text = Filler(0, 50) + "eviction a b c d e f g h moratorium " + Filler(50, 100);
  EXPECT_EQ("…<mark>eviction</mark> a b c d e f g h <mark>moratorium</mark>…",
            Snippet("eviction moratorium", text, 10));
}

TEST_F(SnippetTest, NoMatchGivesTheOpeningWords) {
  const char* text = "one two three four five six seven eight nine ten";
  EXPECT_EQ("one two three four five…", Snippet("nothing", text, 5));
  EXPECT_EQ("one two three four five…", Snippet("", text, 5));  // MatchAll has no terms
  EXPECT_EQ("one two three four five six seven eight nine ten", Snippet("nothing", text, 50));
  EXPECT_EQ("", Snippet("rent", "", 30));
  EXPECT_EQ("", Snippet("rent", "   ", 30));
  EXPECT_EQ("", Snippet("rent", "rent control", 0));
}

TEST_F(SnippetTest, HighlightKeepsTheWholeTitle) {
  EXPECT_EQ("“<mark>Rent Control</mark>” Wins in <mark>Sāwant’s</mark> District!",
            Highlight("\"rent control\" sawant", "“Rent Control” Wins in Sāwant’s District!"));
  EXPECT_EQ("Nothing here", Highlight("rent", "  Nothing here  "));  // outer space trimmed
  EXPECT_EQ("&lt;&gt; …", Highlight("rent", "<> …"));                // no words at all
  EXPECT_EQ("", Highlight("rent", ""));
}

TEST_F(SnippetTest, HostileTextDoesNotBreakIt) {
  const std::string texts[] = {
      std::string("rent\0control", 12), "\xff\xfe rent \xc3",   "مرحبا rent שלום", "🚩rent🚩",
      std::string(10000, 'x'),          std::string(1000, '<'),
  };
  for (const std::string& text : texts) {
    EXPECT_NO_THROW({
      (void)Snippet("rent", text, 30);
      (void)Highlight("rent", text);
    });
  }
  EXPECT_EQ("🚩<mark>rent</mark>🚩", Highlight("rent", "🚩rent🚩"));
  EXPECT_EQ("مرحبا <mark>rent</mark> שלום", Highlight("rent", "مرحبا rent שלום"));
}

}  // namespace
}  // namespace archive::query
