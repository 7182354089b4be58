#include "indexer/indexer.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include "core/doc_store.h"
#include "core/index_layout.h"
#include "indexer/indexer_test_support.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"

namespace archive::indexer {
namespace {

Article MakeArticle(const std::string& id, const std::string& title) {
  Article article;
  article.id = id;
  article.title = title;
  article.body = "<p>Tenants &amp; workers marched in Seattle.</p><p>Second paragraph.</p>";
  article.date = "2019-11-05";
  article.topics = {"Housing"};
  article.cities = {"Seattle"};
  return article;
}

Xapian::Database OpenXapian(const std::string& dir) {
  return Xapian::Database(index_layout::XapianPath(dir, 1));
}

TEST(IndexerTest, AddsCommitsAndStoresDecodedText) {
  test::TempDir dir;
  auto indexer = Indexer::Open({dir.path()});
  ASSERT_ARCHIVE_OK(indexer);
  ASSERT_ARCHIVE_OK((*indexer)->Add(MakeArticle("a", "Rent control wins")));
  Article strike = MakeArticle("b", "Strike at the port");
  strike.topics = {"Labor"};
  ASSERT_ARCHIVE_OK((*indexer)->Add(strike));
  auto summary = (*indexer)->Commit();
  ASSERT_ARCHIVE_OK(summary);
  EXPECT_EQ(2u, summary->added);
  EXPECT_EQ(1u, summary->revision);
  EXPECT_EQ(2u, summary->articles);

  Xapian::Database db = OpenXapian(dir.path());
  EXPECT_EQ(2u, db.get_doccount());
  EXPECT_EQ(1u, db.get_termfreq("XThousing"));
  EXPECT_EQ(2u, db.get_termfreq("XCseattle"));
  EXPECT_EQ("1", db.get_metadata("revision"));
  indexer.value().reset();  // release the writer before reading the store

  auto store = DocStore::Open(index_layout::StorePath(dir.path(), 1), DocStore::Mode::kReadOnly);
  ASSERT_ARCHIVE_OK(store);
  auto hash = (*store)->CurrentHash("a");
  ASSERT_ARCHIVE_OK(hash);
  ASSERT_TRUE(hash->has_value());
  auto stored = (*store)->Get("a", **hash);
  ASSERT_ARCHIVE_OK(stored);
  EXPECT_EQ("Tenants & workers marched in Seattle.\n\nSecond paragraph.", stored->body);
}

TEST(IndexerTest, SecondUpdateWithSameInputChangesNothing) {
  test::TempDir dir;
  for (int run = 0; run < 2; ++run) {
    auto indexer = Indexer::Open({dir.path()});
    ASSERT_ARCHIVE_OK(indexer);
    ASSERT_ARCHIVE_OK((*indexer)->Add(MakeArticle("a", "Rent control wins")));
    auto summary = (*indexer)->Commit();
    ASSERT_ARCHIVE_OK(summary);
    EXPECT_EQ(run == 0 ? 1u : 0u, summary->added);
    EXPECT_EQ(run == 0 ? 0u : 1u, summary->unchanged);
    EXPECT_EQ(1u, summary->revision) << "an update that changes nothing makes no revision";
  }
}

TEST(IndexerTest, ChangedArticleReplacesTheOldVersion) {
  test::TempDir dir;
  ASSERT_NO_FATAL_FAILURE(CommitArticles(dir.path(), {MakeArticle("a", "Rent control wins")}));
  auto indexer = Indexer::Open({dir.path()});
  ASSERT_ARCHIVE_OK(indexer);
  auto outcome = (*indexer)->Add(MakeArticle("a", "Eviction moratorium extended"));
  ASSERT_ARCHIVE_OK(outcome);
  EXPECT_EQ(AddOutcome::kChanged, *outcome);
  auto summary = (*indexer)->Commit();
  ASSERT_ARCHIVE_OK(summary);
  EXPECT_EQ(1u, summary->changed);
  EXPECT_EQ(2u, summary->revision);

  Xapian::Database db = OpenXapian(dir.path());
  EXPECT_EQ(1u, db.get_doccount());
  EXPECT_EQ(0u, db.get_termfreq("Srent"));
  EXPECT_EQ(1u, db.get_termfreq("Smoratorium"));
}

TEST(IndexerTest, DuplicateIdsInOneBatchKeepTheLast) {
  test::TempDir dir;
  auto indexer = Indexer::Open({dir.path()});
  ASSERT_ARCHIVE_OK(indexer);
  ASSERT_ARCHIVE_OK((*indexer)->Add(MakeArticle("a", "First title")));
  auto outcome = (*indexer)->Add(MakeArticle("a", "Second title"));
  ASSERT_ARCHIVE_OK(outcome);
  EXPECT_EQ(AddOutcome::kDuplicate, *outcome);
  auto summary = (*indexer)->Commit();
  ASSERT_ARCHIVE_OK(summary);
  EXPECT_EQ(1u, summary->added);
  EXPECT_EQ(1u, summary->duplicates);
  Xapian::Database db = OpenXapian(dir.path());
  EXPECT_EQ(1u, db.get_doccount());
  EXPECT_EQ(1u, db.get_termfreq("Ssecond"));
}

TEST(IndexerTest, SecondWriterIsRefusedWithTheHolderNamed) {
  test::TempDir dir;
  auto first = Indexer::Open({dir.path(), "first-writer"});
  ASSERT_ARCHIVE_OK(first);
  auto second = Indexer::Open({dir.path(), "second-writer"});
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(StatusCode::kUnavailable, second.status().code());
  EXPECT_NE(std::string::npos, second.status().message().find("first-writer"))
      << second.status().message();
}

TEST(IndexerTest, UncommittedChangesAreInvisible) {
  test::TempDir dir;
  {
    auto indexer = Indexer::Open({dir.path()});
    ASSERT_ARCHIVE_OK(indexer);
    ASSERT_ARCHIVE_OK((*indexer)->Add(MakeArticle("a", "Never committed")));
  }
  Xapian::Database db = OpenXapian(dir.path());
  EXPECT_EQ(0u, db.get_doccount());
}

}  // namespace
}  // namespace archive::indexer
