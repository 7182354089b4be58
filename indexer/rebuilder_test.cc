// The library side of generations: a rebuild is invisible until it finishes, an abandoned
// one leaves nothing behind, and Open() repairs a store that lags Xapian.
#include "indexer/rebuilder.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>

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
  article.body = "Tenants organised a rent strike.";
  article.date = "2021-03-04";
  return article;
}

uint64_t Live(const std::string& dir) { return index_layout::ReadCurrent(dir).value().value(); }

TEST(RebuilderTest, NewGenerationIsInvisibleUntilFinished) {
  test::TempDir dir;
  ASSERT_NO_FATAL_FAILURE(CommitArticles(dir.path(), {MakeArticle("a", "Old")}));
  auto rebuilder = Rebuilder::Open({dir.path()});
  ASSERT_ARCHIVE_OK(rebuilder);
  ASSERT_ARCHIVE_OK((*rebuilder)->Add(MakeArticle("a", "New")));
  ASSERT_ARCHIVE_OK((*rebuilder)->Add(MakeArticle("b", "Second")));
  auto duplicate = (*rebuilder)->Add(MakeArticle("b", "Second, again"));
  ASSERT_ARCHIVE_OK(duplicate);
  EXPECT_EQ(AddOutcome::kDuplicate, *duplicate);
  EXPECT_EQ(1u, Live(dir.path()));
  auto summary = (*rebuilder)->Finish();
  ASSERT_ARCHIVE_OK(summary);
  EXPECT_EQ(1u, summary->changed);
  EXPECT_EQ(1u, summary->added);
  EXPECT_EQ(2u, summary->articles);
  EXPECT_EQ(2u, Live(dir.path()));
  rebuilder.value().reset();
  Xapian::Database db(index_layout::XapianPath(dir.path(), 2));
  EXPECT_EQ(2u, db.get_doccount());
  EXPECT_EQ(1u, db.get_termfreq("Sagain"));
}

TEST(RebuilderTest, AbandonedRebuildLeavesNothingBehind) {
  test::TempDir dir;
  {
    auto rebuilder = Rebuilder::Open({dir.path()});
    ASSERT_ARCHIVE_OK(rebuilder);
    ASSERT_ARCHIVE_OK((*rebuilder)->Add(MakeArticle("a", "Never live")));
  }
  EXPECT_FALSE(std::filesystem::exists(index_layout::GenerationPath(dir.path(), 1)));
  EXPECT_FALSE(index_layout::ReadCurrent(dir.path()).value().has_value());
}

TEST(RebuilderTest, OpenRepairsAStoreThatLagsXapian) {
  test::TempDir dir;
  ASSERT_NO_FATAL_FAILURE(CommitArticles(dir.path(), {MakeArticle("a", "First")}));
  {  // As if the writer died after the Xapian commit: pointer not moved, garbage left.
    auto store = DocStore::Open(index_layout::StorePath(dir.path(), 1), DocStore::Mode::kReadWrite);
    ASSERT_ARCHIVE_OK(store);
    ASSERT_ARCHIVE_OK((*store)->DeleteCurrent("a"));
    ASSERT_ARCHIVE_OK((*store)->Put(MakeArticle("zombie", "Orphan"), "0123"));
    ASSERT_ARCHIVE_OK((*store)->PutMetadata("revision", "0"));
  }
  auto indexer = Indexer::Open({dir.path()});
  ASSERT_ARCHIVE_OK(indexer);
  auto outcome = (*indexer)->Add(MakeArticle("a", "First"));
  ASSERT_ARCHIVE_OK(outcome);
  EXPECT_EQ(AddOutcome::kUnchanged, *outcome);
  auto summary = (*indexer)->Commit();
  ASSERT_ARCHIVE_OK(summary);
  EXPECT_TRUE(summary->recovered);
  indexer.value().reset();
  auto store = DocStore::Open(index_layout::StorePath(dir.path(), 1), DocStore::Mode::kReadOnly);
  ASSERT_ARCHIVE_OK(store);
  int versions = 0;
  ASSERT_ARCHIVE_OK((*store)->ForEachVersion([&](auto, auto) { ++versions; }));
  EXPECT_EQ(1, versions);
}

}  // namespace
}  // namespace archive::indexer
