// archive-index check: sound indexes pass, and each kind of damage it promises to find is
// found (a served version missing from the store, a damaged Xapian table, current
// pointers that disagree with Xapian), while a crash's pending repair is not a problem.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/doc_store.h"
#include "core/index_layout.h"
#include "indexer/cli_test_support.h"
#include "tests/testing/temp_dir.h"

namespace archive::indexer {
namespace {

using testing::json;
using testing::ParseSummary;
using testing::RunIndex;

class IndexCheckTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { testing::TolerateXapianCheckSizedDelete(); }

  void SetUp() override {
    std::vector<json> records;
    for (int i = 0; i < 40; ++i)
      records.push_back(
          testing::TinyRecord("c-" + std::to_string(i), "strike " + std::to_string(i)));
    testing::WriteRecords(archive_, records);
    ASSERT_EQ(0, RunIndex({"update", "--index", index_, archive_}).exit_code);
  }

  json Check() {
    test::CommandResult run = RunIndex({"check", "--index", index_, "--json"});
    json summary = ParseSummary(run);
    EXPECT_EQ(summary["ok"] == true ? 0 : 3, run.exit_code) << run.out << run.err;
    return summary;
  }

  std::string StorePath() { return index_layout::StorePath(index_, 1); }

  test::TempDir dir_;
  std::string index_ = dir_.Join("index");
  std::string archive_ = dir_.Join("archive.jsonl");
};

TEST_F(IndexCheckTest, SoundIndexPassesAndListsWhatIsServed) {
  json summary = Check();
  EXPECT_EQ(true, summary["ok"]) << summary;
  EXPECT_EQ(40, summary["articles"]);
  EXPECT_EQ(40, summary["stored_versions"]);
  EXPECT_EQ(false, summary["pending_repair"]);
  test::CommandResult listed = RunIndex({"check", "--index", index_, "--list"});
  ASSERT_EQ(0, listed.exit_code) << listed.err;
  std::istringstream lines(listed.out);
  std::string line;
  int count = 0;
  while (std::getline(lines, line)) {
    EXPECT_EQ(0u, line.rfind("c-", 0)) << line;
    EXPECT_NE(std::string::npos, line.find('\t')) << line;
    ++count;
  }
  EXPECT_EQ(40, count);
  EXPECT_NE(std::string::npos, listed.err.find("sound")) << listed.err;
}

TEST_F(IndexCheckTest, ServedVersionMissingFromTheStoreIsFound) {
  {
    auto store = DocStore::Open(StorePath(), DocStore::Mode::kReadWrite);
    ASSERT_TRUE(store.ok());
    auto hash = (*store)->CurrentHash("c-7");
    ASSERT_TRUE(hash.ok() && hash->has_value());
    ASSERT_TRUE((*store)->DeleteVersion("c-7", **hash).ok());
  }
  json summary = Check();
  EXPECT_EQ(false, summary["ok"]);
  ASSERT_EQ(1u, summary["problems"].size()) << summary;
  EXPECT_NE(std::string::npos, summary["problems"][0].get<std::string>().find("c-7")) << summary;
}

TEST_F(IndexCheckTest, CurrentPointerThatDisagreesOnACleanStoreIsFound) {
  {
    auto store = DocStore::Open(StorePath(), DocStore::Mode::kReadWrite);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->DeleteCurrent("c-3").ok());
  }
  json summary = Check();
  EXPECT_EQ(false, summary["ok"]);
  EXPECT_NE(std::string::npos, summary["problems"].dump().find("c-3")) << summary;
}

TEST_F(IndexCheckTest, DamagedXapianTableIsFound) {
  std::string table = index_layout::XapianPath(index_, 1) + "/termlist.glass";
  ASSERT_TRUE(std::filesystem::exists(table));
  {
    // Every block (glass writes copy-on-write, so the live root may be any of them).
    std::fstream file(table, std::ios::in | std::ios::out | std::ios::binary);
    std::string garbage(std::filesystem::file_size(table), '\x5a');
    file.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
  }
  json summary = Check();
  EXPECT_EQ(false, summary["ok"]);
  EXPECT_NE(std::string::npos, summary["problems"].dump().find("xapian")) << summary;
}

TEST_F(IndexCheckTest, CrashLeftPendingRepairWhichIsNoProblemAndTheNextWriterDoesIt) {
  std::vector<json> changed;
  for (int i = 0; i < 40; ++i)
    changed.push_back(
        testing::TinyRecord("c-" + std::to_string(i), "lockout " + std::to_string(i)));
  testing::WriteRecords(archive_, changed);
  ::setenv("ARCHIVE_CRASH_AT", "after_xapian_commit:1", 1);
  test::CommandResult crashed = RunIndex({"update", "--index", index_, archive_});
  ::unsetenv("ARCHIVE_CRASH_AT");
  ASSERT_EQ(-1, crashed.exit_code) << crashed.err;
  json summary = Check();
  EXPECT_EQ(true, summary["ok"]) << summary;
  EXPECT_EQ(true, summary["pending_repair"]) << summary;
  EXPECT_EQ(80, summary["stored_versions"]) << "old versions wait for the repair";
  ASSERT_EQ(0, RunIndex({"update", "--index", index_, archive_}).exit_code);
  summary = Check();
  EXPECT_EQ(true, summary["ok"]) << summary;
  EXPECT_EQ(false, summary["pending_repair"]) << summary;
  EXPECT_EQ(40, summary["stored_versions"]);
}

TEST_F(IndexCheckTest, MissingIndexIsAnError) {
  test::CommandResult run = RunIndex({"check", "--index", dir_.Join("nowhere")});
  EXPECT_EQ(2, run.exit_code);
  EXPECT_NE(std::string::npos, run.err.find("archive-index: ")) << run.err;
}

}  // namespace
}  // namespace archive::indexer
