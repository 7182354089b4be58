// FacetTable::Load reads value streams; these tests hold it to the definition, one document
// at a time: each document's values decoded from its own slots (as the loader before the
// streams did), on a generated archive with deletions and on hand-made indexes with docid
// gaps, variant spellings and facet values written before the authors field existed.
#include "query/facet_table.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "core/analyzer.h"
#include "core/facet_values.h"
#include "core/index_layout.h"
#include "core/schema.h"
#include "corpus/sample_generator.h"
#include "indexer/indexer.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"

namespace archive::query {
namespace {

using Names = std::vector<std::string>;

// One document's values of every facet, read from the document itself.
std::map<Facet, Names> ExpectedValues(const Xapian::Database& db, Xapian::docid docid,
                                      const FacetTable::AuthorsOf& fallback_authors) {
  std::map<Facet, Names> expected;
  const Xapian::Document document = db.get_document(docid);
  const std::string encoded = document.get_value(schema::kFacetSlot);
  FacetValues values = DecodeFacetValues(encoded);
  expected[Facet::kTopic] = values.topics;
  expected[Facet::kCity] = values.cities;
  std::optional<Names> authors = DecodeFacetAuthors(encoded);
  if (!authors && fallback_authors) authors = fallback_authors(docid);
  if (authors) expected[Facet::kAuthor] = *authors;
  const std::string date = document.get_value(schema::kDateSlot);
  if (date.size() == 8) expected[Facet::kYear] = {date.substr(0, 4)};
  const std::string issue = document.get_value(schema::kIssueSlot);
  if (!issue.empty())
    expected[Facet::kIssue] = {
        std::to_string(static_cast<long>(Xapian::sortable_unserialise(issue)))};
  return expected;
}

Names NamesOf(const FacetTable& table, Xapian::docid docid, Facet facet) {
  Names names;
  for (uint32_t id : table.ValuesOf(docid, facet)) names.push_back(table.Name(facet, id));
  return names;
}

Names Folded(const Analyzer& analyzer, const Names& names) {
  Names folded;
  for (const std::string& name : names) folded.push_back(analyzer.Fold(name));
  return folded;
}

// Every document of `db` has exactly its own values in `table` (up to spelling: a value
// is shown as its first spelling in docid order) and every value's id is found by IdOf.
// Returns the number of documents checked.
int ExpectMatchesDocuments(const FacetTable& table, const Xapian::Database& db,
                           const FacetTable::AuthorsOf& fallback_authors = {}) {
  const Analyzer analyzer = Analyzer::Create().value();
  int documents = 0;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    std::map<Facet, Names> expected = ExpectedValues(db, *it, fallback_authors);
    for (int f = 0; f < kFacetCount; ++f) {
      const Facet facet = static_cast<Facet>(f);
      EXPECT_EQ(Folded(analyzer, NamesOf(table, *it, facet)), Folded(analyzer, expected[facet]))
          << "docid " << *it << " facet " << FacetName(facet);
      for (uint32_t id : table.ValuesOf(*it, facet))
        EXPECT_EQ(table.IdOf(facet, analyzer.Fold(table.Name(facet, id))), id);
    }
    ++documents;
  }
  return documents;
}

// Facet values in the slots as the indexer writes them (the authors field is optional).
Xapian::Document MakeDocument(const FacetValues& values, const std::optional<Names>& authors,
                              const std::string& date, long issue) {
  Xapian::Document document;
  document.add_term("Qdoc");
  document.add_value(schema::kFacetSlot,
                     authors ? EncodeFacetValues(values, *authors) : EncodeFacetValues(values));
  if (!date.empty()) document.add_value(schema::kDateSlot, date);
  if (issue > 0)
    document.add_value(schema::kIssueSlot, Xapian::sortable_serialise(static_cast<double>(issue)));
  return document;
}

bool Exists(const Xapian::Database& db, Xapian::docid docid) {
  auto it = db.postlist_begin("");
  it.skip_to(docid);
  return it != db.postlist_end("") && *it == docid;
}

void ExpectNoValuesWithoutDocument(const FacetTable& table, const Xapian::Database& db) {
  for (Xapian::docid docid : {Xapian::docid{0}, db.get_lastdocid() + 1, Xapian::docid{1} << 30}) {
    for (int f = 0; f < kFacetCount; ++f)
      EXPECT_TRUE(table.ValuesOf(docid, static_cast<Facet>(f)).empty()) << docid;
  }
  for (Xapian::docid docid = 1; docid <= db.get_lastdocid(); ++docid) {
    if (Exists(db, docid)) continue;
    for (int f = 0; f < kFacetCount; ++f)
      EXPECT_TRUE(table.ValuesOf(docid, static_cast<Facet>(f)).empty()) << docid;
  }
}

TEST(FacetTableTest, MatchesEveryDocumentOfAGeneratedArchiveWithDeletions) {
  test::TempDir dir;
  {
    auto indexer = indexer::Indexer::Open({dir.path()});
    ASSERT_ARCHIVE_OK(indexer);
    corpus::SampleGenerator generator({7, 300, false});
    Article article;
    std::vector<std::string> ids;
    while (generator.Next(&article)) {
      ASSERT_ARCHIVE_OK((*indexer)->Add(article));
      ids.push_back(article.id);
    }
    ASSERT_ARCHIVE_OK((*indexer)->Commit());
    // Gaps in the middle and at the end (the last docid then has no document).
    for (size_t i = 0; i < ids.size(); i += 7) ASSERT_ARCHIVE_OK((*indexer)->Delete(ids[i]));
    ASSERT_ARCHIVE_OK((*indexer)->Delete(ids.back()));
    ASSERT_ARCHIVE_OK((*indexer)->Commit());
  }
  auto generation = index_layout::ReadCurrent(dir.path());
  ASSERT_ARCHIVE_OK(generation);
  Xapian::Database db(index_layout::XapianPath(dir.path(), generation->value()));
  ASSERT_FALSE(Exists(db, db.get_lastdocid()));

  const FacetTable table = FacetTable::Load(db);
  EXPECT_EQ(ExpectMatchesDocuments(table, db), static_cast<int>(db.get_doccount()));
  ExpectNoValuesWithoutDocument(table, db);
  for (Facet facet : {Facet::kTopic, Facet::kCity, Facet::kYear, Facet::kAuthor, Facet::kIssue})
    EXPECT_GT(table.ValueCount(facet), 1u) << FacetName(facet);
}

class HandMadeIndexTest : public ::testing::Test {
 protected:
  void Add(Xapian::docid docid, const Xapian::Document& document) {
    Xapian::WritableDatabase db(dir_.path(), Xapian::DB_CREATE_OR_OPEN);
    db.replace_document(docid, document);
    db.commit();
  }
  void Delete(Xapian::docid docid) {
    Xapian::WritableDatabase db(dir_.path(), Xapian::DB_CREATE_OR_OPEN);
    db.delete_document(docid);
    db.commit();
  }
  Xapian::Database Read() { return Xapian::Database(dir_.path()); }

  test::TempDir dir_;
};

TEST_F(HandMadeIndexTest, VariantSpellingsShareTheFirstSpellingsId) {
  Add(3, MakeDocument({{"Labor"}, {"Sao Paulo"}}, Names{"Ana Lima"}, "20140102", 5));
  Add(9, MakeDocument({{"labor", "Youth"}, {"São Paulo"}}, Names{"ANA LIMA"}, "20150102", 6));
  Add(12, MakeDocument({{}, {}}, Names{}, "", 0));  // an empty facet value and no date
  Add(20, MakeDocument({{"Youth"}, {"Detroit"}}, Names{"Ana Lima"}, "2014", 5));
  Delete(20);  // the last docid has no document
  const Xapian::Database db = Read();
  const FacetTable table = FacetTable::Load(db);

  EXPECT_EQ(NamesOf(table, 9, Facet::kTopic), (Names{"Labor", "Youth"}));
  EXPECT_EQ(NamesOf(table, 9, Facet::kCity), (Names{"Sao Paulo"}));
  EXPECT_EQ(NamesOf(table, 9, Facet::kAuthor), (Names{"Ana Lima"}));
  EXPECT_EQ(table.ValueCount(Facet::kTopic), 2u);  // Detroit and Youth of 20 are gone
  EXPECT_EQ(table.ValueCount(Facet::kCity), 1u);
  EXPECT_EQ(table.IdOf(Facet::kCity, "detroit"), -1);
  EXPECT_EQ(NamesOf(table, 3, Facet::kYear), (Names{"2014"}));
  EXPECT_EQ(NamesOf(table, 9, Facet::kIssue), (Names{"6"}));
  for (int f = 0; f < kFacetCount; ++f)
    EXPECT_TRUE(table.ValuesOf(12, static_cast<Facet>(f)).empty()) << f;
  EXPECT_EQ(ExpectMatchesDocuments(table, db), 3);
  ExpectNoValuesWithoutDocument(table, db);
}

TEST_F(HandMadeIndexTest, ReplacedDocumentsKeepTheirDocidAndShowTheirNewValues) {
  Add(1, MakeDocument({{"Labor"}, {"Detroit"}}, Names{"Ana Lima"}, "20140102", 5));
  Add(2, MakeDocument({{"Youth"}, {"Flint"}}, Names{"Bo Chen"}, "20150102", 6));
  Add(1, MakeDocument({{"Housing"}, {"Toledo"}}, Names{"Cy Diaz"}, "20160102", 7));
  const Xapian::Database db = Read();
  const FacetTable table = FacetTable::Load(db);
  EXPECT_EQ(NamesOf(table, 1, Facet::kTopic), (Names{"Housing"}));
  EXPECT_EQ(NamesOf(table, 1, Facet::kIssue), (Names{"7"}));
  EXPECT_EQ(table.IdOf(Facet::kCity, "detroit"), -1);
  EXPECT_EQ(ExpectMatchesDocuments(table, db), 2);
}

TEST_F(HandMadeIndexTest, AuthorsComeFromTheFallbackOnlyWhereTheSlotHasNoAuthorsField) {
  Add(2, MakeDocument({{"Labor"}, {"Detroit"}}, std::nullopt, "20140102", 5));  // old format
  Add(4, MakeDocument({{"Youth"}, {"Flint"}}, Names{"Bo Chen"}, "20150102", 6));
  Add(5, MakeDocument({{"Youth"}, {"Flint"}}, Names{}, "20150102", 6));  // has none
  Xapian::Document bare;                                                 // no facet value at all
  bare.add_term("Qbare");
  Add(7, bare);
  const Xapian::Database db = Read();
  std::vector<Xapian::docid> asked;
  const FacetTable::AuthorsOf fallback = [&asked](Xapian::docid docid) {
    asked.push_back(docid);
    return Names{"Author of " + std::to_string(docid)};
  };
  const FacetTable table = FacetTable::Load(db, fallback);

  EXPECT_EQ(asked, (std::vector<Xapian::docid>{2, 7}));
  EXPECT_EQ(NamesOf(table, 2, Facet::kAuthor), (Names{"Author of 2"}));
  EXPECT_EQ(NamesOf(table, 4, Facet::kAuthor), (Names{"Bo Chen"}));
  EXPECT_TRUE(NamesOf(table, 5, Facet::kAuthor).empty());
  EXPECT_EQ(NamesOf(table, 7, Facet::kAuthor), (Names{"Author of 7"}));
  EXPECT_EQ(ExpectMatchesDocuments(table, db, fallback), 4);
  ExpectNoValuesWithoutDocument(table, db);

  const FacetTable without_fallback = FacetTable::Load(db);
  EXPECT_TRUE(NamesOf(without_fallback, 2, Facet::kAuthor).empty());
  EXPECT_EQ(NamesOf(without_fallback, 4, Facet::kAuthor), (Names{"Bo Chen"}));
  EXPECT_EQ(ExpectMatchesDocuments(without_fallback, db), 4);
}

TEST_F(HandMadeIndexTest, AnEmptyIndexHasNoValues) {
  Add(1, MakeDocument({{"Labor"}, {"Detroit"}}, Names{"Ana Lima"}, "20140102", 5));
  Delete(1);
  const Xapian::Database db = Read();
  const FacetTable table = FacetTable::Load(db);
  for (int f = 0; f < kFacetCount; ++f) EXPECT_EQ(table.ValueCount(static_cast<Facet>(f)), 0u);
  ExpectNoValuesWithoutDocument(table, db);
}

}  // namespace
}  // namespace archive::query
