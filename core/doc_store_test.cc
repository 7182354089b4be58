#include "core/doc_store.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"

namespace archive {
namespace {

Article SampleArticle() {
  Article article;
  article.id = "sa-2019-11-0001";
  article.title = "Tenants win rent control";
  article.body = "Café owners and tenants in Seattle…";
  article.date = "2019-11-05";
  article.issue = 74;
  article.authors = {"Ana Ruiz"};
  article.topics = {"Housing"};
  article.cities = {"Seattle", "Tacoma"};
  return article;
}

TEST(DocStoreTest, StoresVersionsAndCurrentPointer) {
  test::TempDir dir;
  StatusOr<std::unique_ptr<DocStore>> store =
      DocStore::Open(dir.path(), DocStore::Mode::kReadWrite);
  ASSERT_ARCHIVE_OK(store);
  Article article = SampleArticle();
  ASSERT_ARCHIVE_OK((*store)->Put(article, "h1"));
  ASSERT_ARCHIVE_OK((*store)->SetCurrent(article.id, "h1"));
  article.title = "Tenants win rent control (updated)";
  ASSERT_ARCHIVE_OK((*store)->Put(article, "h2"));
  StatusOr<std::optional<std::string>> before = (*store)->CurrentHash(article.id);
  ASSERT_ARCHIVE_OK(before);
  EXPECT_EQ("h1", before->value());  // a new version is not current until SetCurrent
  ASSERT_ARCHIVE_OK((*store)->SetCurrent(article.id, "h2"));

  StatusOr<std::optional<std::string>> current = (*store)->CurrentHash(article.id);
  ASSERT_ARCHIVE_OK(current);
  EXPECT_EQ("h2", current->value());

  StatusOr<Article> old_version = (*store)->Get(article.id, "h1");
  ASSERT_ARCHIVE_OK(old_version);
  EXPECT_EQ("Tenants win rent control", old_version->title);
  EXPECT_EQ(std::vector<std::string>({"Seattle", "Tacoma"}), old_version->cities);
  EXPECT_EQ(74, old_version->issue);

  ASSERT_ARCHIVE_OK((*store)->DeleteVersion(article.id, "h1"));
  EXPECT_EQ(StatusCode::kNotFound, (*store)->Get(article.id, "h1").status().code());
}

TEST(DocStoreTest, ListsCurrentArticlesAndMetadata) {
  test::TempDir dir;
  StatusOr<std::unique_ptr<DocStore>> store =
      DocStore::Open(dir.path(), DocStore::Mode::kReadWrite);
  ASSERT_ARCHIVE_OK(store);
  Article a = SampleArticle();
  Article b = SampleArticle();
  b.id = "sa-2019-11-0002";
  ASSERT_ARCHIVE_OK((*store)->SetCurrent(b.id, "hb"));
  ASSERT_ARCHIVE_OK((*store)->SetCurrent(a.id, "ha"));
  ASSERT_ARCHIVE_OK((*store)->DeleteCurrent(b.id));
  std::vector<std::string> seen;
  ASSERT_ARCHIVE_OK((*store)->ForEachCurrent([&](std::string_view id, std::string_view hash) {
    seen.push_back(std::string(id) + "@" + std::string(hash));
  }));
  EXPECT_EQ(std::vector<std::string>({"sa-2019-11-0001@ha"}), seen);

  ASSERT_ARCHIVE_OK((*store)->PutMetadata("revision", "3"));
  StatusOr<std::optional<std::string>> revision = (*store)->GetMetadata("revision");
  ASSERT_ARCHIVE_OK(revision);
  EXPECT_EQ("3", revision->value());
}

// RocksDB's informational log goes to standard error: a LOG file on a failing disk made
// Debian's RocksDB abort instead of returning an error (docs/reliability.md).
TEST(DocStoreTest, WritesNoInformationalLogFile) {
  test::TempDir dir;
  {
    StatusOr<std::unique_ptr<DocStore>> store =
        DocStore::Open(dir.path(), DocStore::Mode::kReadWrite);
    ASSERT_ARCHIVE_OK(store);
    ASSERT_ARCHIVE_OK((*store)->Put(SampleArticle(), "h1"));
    ASSERT_ARCHIVE_OK((*store)->Sync());
  }
  std::vector<std::string> logs;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    std::string name = entry.path().filename().string();
    if (name == "LOG" || name.starts_with("LOG.old")) logs.push_back(name);
  }
  EXPECT_TRUE(logs.empty()) << logs.front();
}

// What a replica receives: a copy taken through a read-only handle while the writer keeps
// the store open, holding everything written so far (log included, unflushed).
TEST(DocStoreTest, CheckpointOfReadOnlyHandleHoldsUnflushedWrites) {
  test::TempDir dir;
  StatusOr<std::unique_ptr<DocStore>> writer =
      DocStore::Open(dir.Join("store"), DocStore::Mode::kReadWrite);
  ASSERT_ARCHIVE_OK(writer);
  Article article = SampleArticle();
  ASSERT_ARCHIVE_OK((*writer)->Put(article, "h1"));
  ASSERT_ARCHIVE_OK((*writer)->SetCurrent(article.id, "h1"));
  ASSERT_ARCHIVE_OK((*writer)->PutMetadata("revision", "7"));
  ASSERT_ARCHIVE_OK((*writer)->Sync());
  StatusOr<std::unique_ptr<DocStore>> reader =
      DocStore::Open(dir.Join("store"), DocStore::Mode::kReadOnly);
  ASSERT_ARCHIVE_OK(reader);
  ASSERT_ARCHIVE_OK((*reader)->Checkpoint(dir.Join("copy")));
  EXPECT_FALSE((*reader)->Checkpoint(dir.Join("copy")).ok());  // the directory must be new

  StatusOr<std::unique_ptr<DocStore>> copy =
      DocStore::Open(dir.Join("copy"), DocStore::Mode::kReadOnly);
  ASSERT_ARCHIVE_OK(copy);
  StatusOr<Article> stored = (*copy)->Get(article.id, "h1");
  ASSERT_ARCHIVE_OK(stored);
  EXPECT_EQ(article.title, stored->title);
  StatusOr<std::optional<std::string>> revision = (*copy)->GetMetadata("revision");
  ASSERT_ARCHIVE_OK(revision);
  EXPECT_EQ("7", revision->value_or(""));
}

TEST(DocStoreTest, ReadOnlyOpenOfMissingStoreFails) {
  test::TempDir dir;
  StatusOr<std::unique_ptr<DocStore>> store =
      DocStore::Open(dir.Join("missing"), DocStore::Mode::kReadOnly);
  EXPECT_FALSE(store.ok());
}

}  // namespace
}  // namespace archive
