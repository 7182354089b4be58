#include "core/analyzer.h"

#include <gtest/gtest.h>

namespace archive {
namespace {

struct Case {
  const char* input;
  const char* expected;
};

TEST(AnalyzerTest, FoldsForMatching) {
  const Case cases[] = {
      {"Seattle", "seattle"},
      {"Sāwant", "sawant"},
      {"CAFÉ", "cafe"},
      {"São Paulo", "sao paulo"},
      {"Kraków", "krakow"},
      {"Bernie’s campaign", "bernie's campaign"},
      {"“Divest Now!”", "\"divest now!\""},
      {"strike—and win", "strike and win"},
      // Typographic punctuation beside other non-ASCII letters, marks or compatibility
      // forms in the same word: folded as a whole, not only the punctuation made plain.
      {"“Café”", "\"cafe\""},
      {"«Lucía»", "\"lucia\""},
      {"O’NEILL’S ′", "o'neill's '"},
      {"e\u0301’s", "e's"},
      {"‘ﬁght’—Straße", "'fight' strasse"},
      {"ﬁght", "fight"},  // NFKC: the ligature becomes two letters
      {"Straße", "strasse"},
      // A dollar amount keeps its sign as a token of its own, and its number.
      {"$15", "15dollars 15"},
      {"Fight for $15!", "fight for 15dollars 15!"},
      {"$1,000 and $", "1dollars 1,000 and $"},
  };
  StatusOr<Analyzer> analyzer = Analyzer::Create();
  ASSERT_TRUE(analyzer.ok());
  for (const Case& c : cases) EXPECT_EQ(c.expected, analyzer->Fold(c.input)) << c.input;
}

TEST(AnalyzerTest, InvalidUtf8BecomesReplacementCharacter) {
  StatusOr<Analyzer> analyzer = Analyzer::Create();
  ASSERT_TRUE(analyzer.ok());
  std::string folded = analyzer->Fold(
      "A\xFF"
      "B");
  EXPECT_EQ(
      "a\xEF\xBF\xBD"
      "b",
      folded);
}

TEST(AnalyzerTest, FoldQueryKeepsOperators) {
  StatusOr<Analyzer> analyzer = Analyzer::Create();
  ASSERT_TRUE(analyzer.ok());
  EXPECT_EQ("rent AND control OR sawant", analyzer->FoldQuery("Rent AND Control OR Sāwant"));
  EXPECT_EQ("strike NEAR/3 amazon NOT starbucks",
            analyzer->FoldQuery("Strike NEAR/3 Amazon NOT Starbucks"));
  EXPECT_EQ("topic:\"fighting racism\" and", analyzer->FoldQuery("topic:“Fighting Racism” and"));
}

TEST(AnalyzerTest, StemmerLanguage) {
  EXPECT_EQ("spanish", Analyzer::StemmerLanguage("es"));
  EXPECT_EQ("english", Analyzer::StemmerLanguage("en"));
  EXPECT_EQ("english", Analyzer::StemmerLanguage(""));
}

}  // namespace
}  // namespace archive
