#include "indexer/document_builder.h"

#include <gtest/gtest.h>

#include <set>

#include "core/facet_values.h"
#include "core/schema.h"

namespace archive::indexer {
namespace {

std::set<std::string> TermsOf(const Xapian::Document& document) {
  std::set<std::string> terms;
  for (auto it = document.termlist_begin(); it != document.termlist_end(); ++it) terms.insert(*it);
  return terms;
}

TEST(DocumentBuilderTest, FollowsTheSchema) {
  auto analyzer = Analyzer::Create();
  ASSERT_TRUE(analyzer.ok());
  DocumentBuilder builder(*analyzer);
  Article article;
  article.id = "sa-1";
  article.title = "Sāwant’s Victory";
  article.body = "Workers were striking at the café for $15, an anti-war strike.";
  article.date = "2014-03-09";
  article.issue = 7;
  article.authors = {"Ana Ruiz"};
  article.topics = {"Labor", "Fight for $15"};
  article.cities = {"Seattle"};

  Xapian::Document document = builder.Build(article, "0123456789abcdef");
  EXPECT_EQ("sa-1\n0123456789abcdef", document.get_data());
  std::set<std::string> terms = TermsOf(document);
  for (const char* expected : {"Qsa-1",     "XTlabor",   "XTfight for 15dollars 15",
                               "15dollars", "15",        "antiwar",
                               "Zantiwar",  "XCseattle", "XI7",
                               "Y2014",     "M201403",   "Len",
                               "XKarticle", "Ssawant's", "Svictory",
                               "ZSvictori", "sawant's",  "victory",
                               "Zvictori",  "cafe",      "Zstrike",
                               "striking",  "Aruiz"}) {
    EXPECT_TRUE(terms.count(expected)) << "missing term " << expected;
  }
  EXPECT_FALSE(terms.count("XDtopics"));
  EXPECT_EQ("20140309", document.get_value(schema::kDateSlot));
  EXPECT_EQ(7.0, Xapian::sortable_unserialise(document.get_value(schema::kIssueSlot)));
  FacetValues facets = DecodeFacetValues(document.get_value(schema::kFacetSlot));
  EXPECT_EQ(article.topics, facets.topics);
  EXPECT_EQ(article.cities, facets.cities);
  EXPECT_EQ(article.authors, DecodeFacetAuthors(document.get_value(schema::kFacetSlot)));
  EXPECT_EQ("sawant's victory|201403|workerswerestrikingatthecafefor15dollars15anantiwarstrike",
            document.get_value(schema::kCollapseSlot));
}

TEST(DocumentBuilderTest, MarksDerivedMetadataAndDetectsLanguage) {
  auto analyzer = Analyzer::Create();
  ASSERT_TRUE(analyzer.ok());
  DocumentBuilder builder(*analyzer);
  Article article;
  article.id = "es-1";
  article.title = "Huelga de inquilinos";
  article.body = "Los inquilinos de la ciudad votaron por una huelga de renta que es histórica.";
  article.lang = "";  // not given by the source
  article.topics = {"Housing"};
  article.topics_derived = true;
  std::set<std::string> terms = TermsOf(builder.Build(article, "h"));
  EXPECT_TRUE(terms.count("Les"));
  EXPECT_TRUE(terms.count("Zhuelg")) << "stemmed as Spanish";
  EXPECT_TRUE(terms.count("XDtopics"));
  EXPECT_FALSE(terms.count("XDcities"));
}

}  // namespace
}  // namespace archive::indexer
