#include "corpus/metadata_deriver.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "corpus/corpus_reader.h"

namespace archive::corpus {
namespace {

using Values = std::vector<std::string>;

Article HousingArticle() {
  Article article;
  article.id = "a1";
  article.title = "Tenants win rent control";
  article.body =
      "<p><strong>By Ana Ruiz, Minneapolis</strong></p>\n"
      "<p>MINNEAPOLIS &mdash; Tenants facing eviction packed the council chamber. Landlords "
      "warned that rent control would stop new housing; renters laughed.</p>\n"
      "<p>The tenant union will fight every eviction and every rent hike.</p>";
  return article;
}

// Built in place: assigning `lang` after default construction trips a false
// -Wmaybe-uninitialized in GCC 12.
Article SpanishHousingArticle() {
  return Article{.id = "a3",
                 .kind = "article",
                 .title = "Los inquilinos contra los desalojos",
                 .body =
                     "Por Ana Ruiz, Houston\n\nHOUSTON \u2014 Los inquilinos de Houston frenaron "
                     "otro desalojo. El alquiler subi\u00f3 otra vez y los caseros quieren "
                     "m\u00e1s. La vivienda es un derecho.",
                 .url = "",
                 .date = "",
                 .issue = 0,
                 .authors = {},
                 .topics = {},
                 .cities = {},
                 .summary = "",
                 .lang = "es"};
}

class MetadataDeriverTest : public testing::Test {
 protected:
  void SetUp() override {
    StatusOr<MetadataDeriver> deriver = MetadataDeriver::Create();
    ASSERT_TRUE(deriver.ok()) << deriver.status().ToString();
    deriver_.emplace(std::move(*deriver));
  }
  std::optional<MetadataDeriver> deriver_;
};

TEST_F(MetadataDeriverTest, FillsMissingValuesAndMarksThemDerived) {
  Article article = HousingArticle();
  deriver_->Derive(&article);
  ASSERT_FALSE(article.topics.empty());
  EXPECT_EQ("Housing", article.topics[0]);
  EXPECT_EQ(Values{"Minneapolis"}, article.cities);
  EXPECT_TRUE(article.topics_derived);
  EXPECT_TRUE(article.cities_derived);
}

TEST_F(MetadataDeriverTest, NeverOverwritesCuratedValues) {
  Article article = HousingArticle();
  article.topics = {"Labor"};
  deriver_->Derive(&article);
  EXPECT_EQ(Values{"Labor"}, article.topics);
  EXPECT_FALSE(article.topics_derived);
  EXPECT_EQ(Values{"Minneapolis"}, article.cities);
  EXPECT_TRUE(article.cities_derived);

  Article curated_cities = HousingArticle();
  curated_cities.cities = {"Boston"};
  deriver_->Derive(&curated_cities);
  EXPECT_EQ(Values{"Boston"}, curated_cities.cities);
  EXPECT_FALSE(curated_cities.cities_derived);
  EXPECT_TRUE(curated_cities.topics_derived);
}

TEST_F(MetadataDeriverTest, NoSignalGetsNothing) {
  Article article;
  article.id = "a2";
  article.title = "A note to readers";
  article.body = "Thank you for reading. We will be back next month with more.";
  deriver_->Derive(&article);
  EXPECT_EQ(Values{}, article.topics);
  EXPECT_EQ(Values{}, article.cities);
  EXPECT_FALSE(article.topics_derived);
  EXPECT_FALSE(article.cities_derived);
}

TEST_F(MetadataDeriverTest, SpanishArticle) {
  Article article = SpanishHousingArticle();
  deriver_->Derive(&article);
  ASSERT_FALSE(article.topics.empty());
  EXPECT_EQ("Housing", article.topics[0]);
  EXPECT_EQ(Values{"Houston"}, article.cities);
}

TEST_F(MetadataDeriverTest, LeavesIssueRecordsAlone) {
  Article issue = HousingArticle();
  issue.kind = "issue";
  deriver_->Derive(&issue);
  EXPECT_TRUE(issue.topics.empty());
  EXPECT_TRUE(issue.cities.empty());
}

std::vector<Article> ReadWith(bool derive) {
  const std::filesystem::path path =
      std::filesystem::path(testing::TempDir()) / "metadata_deriver_test.jsonl";
  std::ofstream(path) << R"({"id":"a","title":"Tenants win rent control","body":"By Ana Ruiz, )"
                      << R"(Seattle\n\nSEATTLE \u2014 Tenants facing eviction beat the )"
                      << R"(landlords, and rent control passed."})"
                      << "\n"
                      << R"({"id":"b","title":"t","body":"b","topics":["Labor"],)"
                      << R"("cities":["Boston"]})"
                      << "\n";
  ReaderOptions options;
  options.derive_metadata = derive;
  std::vector<Article> articles;
  Status read = ReadSource(
      path.string(), options,
      {[&](Article&& article) { articles.push_back(std::move(article)); }, nullptr, nullptr});
  EXPECT_TRUE(read.ok()) << read.ToString();
  std::filesystem::remove(path);
  return articles;
}

TEST(ReadSourceDerivationTest, AppliedInTheReadPathAndCanBeTurnedOff) {
  std::vector<Article> derived = ReadWith(true);
  ASSERT_EQ(2u, derived.size());
  EXPECT_EQ(Values{"Housing"}, derived[0].topics);
  EXPECT_EQ(Values{"Seattle"}, derived[0].cities);
  EXPECT_TRUE(derived[0].topics_derived && derived[0].cities_derived);
  EXPECT_EQ(Values{"Labor"}, derived[1].topics);
  EXPECT_FALSE(derived[1].topics_derived || derived[1].cities_derived);

  std::vector<Article> plain = ReadWith(false);
  ASSERT_EQ(2u, plain.size());
  EXPECT_TRUE(plain[0].topics.empty() && plain[0].cities.empty());
}

}  // namespace
}  // namespace archive::corpus
