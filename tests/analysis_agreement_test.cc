// The index side and the query side must analyse text alike: for each case, an article is
// indexed through the Indexer and found (or not) through the Searcher by what a person
// would type.
#include <gtest/gtest.h>

#include <set>

#include "indexer/indexer.h"
#include "query/searcher.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"

namespace archive {
namespace {

struct Doc {
  const char* id;
  const char* body;
  const char* lang;
};

// Each body holds one analysis case; the other bodies are its near misses.
constexpr Doc kDocs[] = {
    {"accent", "Councilmember Sāwant spoke at the café.", "en"},
    {"apostrophe", "Bernie’s campaign opened an office.", "en"},
    {"dollar", "Workers marched in the Fight for $15 across the city.", "en"},
    {"fifteen", "Some 15 workers stayed home.", "en"},
    {"hashtag", "The #MeToo movement reached the union hall.", "en"},
    {"date", "Twenty years after 9/11 the war goes on.", "en"},
    {"nine", "Nine of 11 delegates voted 9 to 2 in 11 minutes.", "en"},
    {"hyphen", "An anti-war rally filled the square.", "en"},
    {"entity", "<p>Caf&eacute; workers &amp; cooks won &#8220;fair pay&#8221;.</p>", "en"},
    {"stem", "The striking nurses held the line.", "en"},
    {"spanish", "Los inquilinos votaron por una huelga de renta.", "es"},
    {"undetected", "Las trabajadoras de la fábrica ganaron la huelga con el sindicato.", ""},
    {"near", "Rent is high; control over it is what tenants want.", "en"},
};

struct Case {
  const char* query;
  std::set<std::string> expected;
};

class AnalysisAgreementTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::TempDir();
    auto indexer = indexer::Indexer::Open({dir_->path()});
    ASSERT_ARCHIVE_OK(indexer);
    for (const Doc& doc : kDocs) {
      Article article;
      article.id = doc.id;
      article.title = std::string("Article ") + doc.id;
      article.body = doc.body;
      article.lang = doc.lang;
      article.date = "2021-09-11";
      ASSERT_ARCHIVE_OK((*indexer)->Add(article));
    }
    ASSERT_ARCHIVE_OK((*indexer)->Commit());
  }
  static void TearDownTestSuite() { delete dir_; }

  static std::set<std::string> Find(const std::string& text) {
    auto searcher = query::Searcher::Open({dir_->path()});
    EXPECT_TRUE(searcher.ok()) << searcher.status().ToString();
    if (!searcher.ok()) return {};
    query::SearchRequest request;
    request.query = text;
    request.limit = 100;
    auto result = (*searcher)->Search(request);
    EXPECT_TRUE(result.ok()) << text << ": " << result.status().ToString();
    std::set<std::string> ids;
    if (result.ok()) {
      for (const query::Hit& hit : result->hits) ids.insert(hit.id);
    }
    return ids;
  }

  static inline test::TempDir* dir_ = nullptr;
};

TEST_F(AnalysisAgreementTest, EachCaseIsFoundAsTyped) {
  const Case cases[] = {
      {"sawant", {"accent"}},
      {"Sāwant", {"accent"}},
      {"SAWANT", {"accent"}},
      {"cafe", {"accent", "entity"}},
      {"café", {"accent", "entity"}},
      {"Bernie's", {"apostrophe"}},
      {"Bernie’s", {"apostrophe"}},
      {"bernie", {"apostrophe"}},
      {"$15", {"dollar"}},  // not the article about 15 workers
      {"\"fight for $15\"", {"dollar"}},
      {"15", {"dollar", "fifteen"}},  // the number alone finds both
      {"#MeToo", {"hashtag"}},
      {"metoo", {"hashtag"}},
      {"9/11", {"date"}},  // not "9 to 2 in 11 minutes"
      {"anti-war", {"hyphen"}},
      {"antiwar", {"hyphen"}},
      {"anti war", {"hyphen"}},
      {"\"fair pay\"", {"entity"}},
      {"“fair pay”", {"entity"}},
      {"cooks", {"entity"}},
      {"strike", {"stem"}},               // English stemming
      {"\"striking nurses\"", {"stem"}},  // unstemmed forms for phrases
      {"\"strike nurses\"", {}},
      {"huelga", {"spanish", "undetected"}},  // Spanish stemming, given or detected
      {"inquilinos", {"spanish"}},
      {"trabajadora", {"undetected"}},
      {"rent NEAR/4 control", {"near"}},
      {"rent NEAR/1 control", {}},
  };
  for (const Case& c : cases) EXPECT_EQ(c.expected, Find(c.query)) << "query: " << c.query;
}

}  // namespace
}  // namespace archive
