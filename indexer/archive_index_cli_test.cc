// archive-index as scripts use it: every subcommand, its JSON and text summaries, its exit
// statuses (0 all went in, 1 some rejected, 2 nothing changed).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "indexer/cli_test_support.h"
#include "indexer/index_lock.h"
#include "tests/testing/temp_dir.h"

namespace archive::indexer {
namespace {

using testing::json;
using testing::ParseSummary;
using testing::RunIndex;
using testing::TinyRecord;
using testing::WriteRecords;

std::vector<json> TinyRecords(int count, const std::string& prefix = "t-") {
  std::vector<json> records;
  for (int i = 0; i < count; ++i)
    records.push_back(TinyRecord(prefix + std::to_string(i), "meeting " + std::to_string(i)));
  return records;
}

class ArchiveIndexCliTest : public ::testing::Test {
 protected:
  test::TempDir dir_;
  std::string index_ = dir_.Join("index");
  std::string archive_ = dir_.Join("archive.jsonl");
};

TEST_F(ArchiveIndexCliTest, SecondUpdateChangesNothingAndSaysSoWithThousands) {
  WriteRecords(archive_, TinyRecords(1200));
  test::CommandResult first = RunIndex({"update", "--index", index_, "--json", archive_});
  ASSERT_EQ(0, first.exit_code) << first.err;
  json summary = ParseSummary(first);
  for (const char* key : {"added", "changed", "unchanged", "removed", "rejected", "skipped",
                          "generation", "revision"})
    EXPECT_TRUE(summary[key].is_number_integer()) << key << " in " << first.out;
  EXPECT_EQ(1200, summary["added"]);
  EXPECT_EQ(1, std::count(first.out.begin(), first.out.end(), '\n')) << "one JSON object";

  test::CommandResult again = RunIndex({"update", "--index", index_, archive_});
  ASSERT_EQ(0, again.exit_code) << again.err;
  EXPECT_NE(std::string::npos, again.err.find("0 added, 0 changed, 1,200 unchanged, 0 removed"))
      << again.err;
  EXPECT_NE(std::string::npos, again.err.find("nothing changed")) << again.err;
  EXPECT_EQ(1, testing::Status(index_)["revision"]);
}

TEST_F(ArchiveIndexCliTest, PruneRemovesWhatNoSourceHoldsButNotWhenASourceFailed) {
  WriteRecords(archive_, TinyRecords(10));
  ASSERT_EQ(0, RunIndex({"update", "--index", index_, archive_}).exit_code);
  std::vector<json> fewer = TinyRecords(7);
  WriteRecords(archive_, fewer);

  test::CommandResult refused =
      RunIndex({"update", "--index", index_, "--prune", archive_, dir_.Join("missing.jsonl")});
  EXPECT_EQ(1, refused.exit_code) << refused.err;
  EXPECT_NE(std::string::npos, refused.err.find("not pruning")) << refused.err;
  EXPECT_EQ(10, testing::Status(index_)["articles"]);

  test::CommandResult pruned =
      RunIndex({"update", "--index", index_, "--prune", "--json", archive_});
  ASSERT_EQ(0, pruned.exit_code) << pruned.err;
  EXPECT_EQ(3, ParseSummary(pruned)["removed"]);
  EXPECT_EQ(7, testing::Status(index_)["articles"]);
}

TEST_F(ArchiveIndexCliTest, DeleteRemovesAtOnceAndReportsUnknownIds) {
  WriteRecords(archive_, TinyRecords(5));
  ASSERT_EQ(0, RunIndex({"update", "--index", index_, archive_}).exit_code);
  test::CommandResult run = RunIndex({"delete", "--index", index_, "--json", "t-1", "t-2", "nope"});
  EXPECT_EQ(1, run.exit_code) << run.err;
  json summary = ParseSummary(run);
  EXPECT_EQ(2, summary["removed"]);
  EXPECT_EQ(json::array({"nope"}), summary["not_found"]);
  EXPECT_EQ(2, summary["revision"]) << "one commit for the whole takedown";
  EXPECT_NE(std::string::npos, run.err.find("nope")) << run.err;
  EXPECT_EQ(3, testing::Status(index_)["articles"]);
  EXPECT_EQ(2, RunIndex({"delete", "--index", index_, "nope"}).exit_code);
  EXPECT_EQ(0, RunIndex({"delete", "--index", index_, "t-3"}).exit_code);
}

TEST_F(ArchiveIndexCliTest, RebuildSwitchesGenerationsAndRollbackReturns) {
  WriteRecords(archive_, TinyRecords(6));
  ASSERT_EQ(0, RunIndex({"update", "--index", index_, archive_}).exit_code);
  EXPECT_EQ(2, RunIndex({"rollback", "--index", index_}).exit_code) << "no previous generation";
  std::vector<json> records = TinyRecords(4);
  records[0]["title"] = "changed title";
  WriteRecords(archive_, records);
  for (int generation = 2; generation <= 5; ++generation) {
    test::CommandResult run = RunIndex({"rebuild", "--index", index_, "--json", archive_});
    ASSERT_EQ(0, run.exit_code) << run.err;
    json summary = ParseSummary(run);
    EXPECT_EQ(generation, summary["generation"]);
    EXPECT_EQ(1, summary["revision"]);
    EXPECT_EQ(4, summary["articles"]);
    if (generation == 2) {
      EXPECT_EQ(1, summary["changed"]);
      EXPECT_EQ(3, summary["unchanged"]);
      EXPECT_EQ(2, summary["removed"]);
    }
  }
  // The live generation and the two before it are kept.
  EXPECT_EQ(json::array({3, 4, 5}), testing::Status(index_)["generations"]);
  test::CommandResult back = RunIndex({"rollback", "--index", index_, "--json"});
  ASSERT_EQ(0, back.exit_code) << back.err;
  EXPECT_EQ(4, ParseSummary(back)["generation"]);
  EXPECT_EQ(4, testing::Status(index_)["generation"]);
  // The next rebuild never reuses a number a reader may have seen.
  ASSERT_EQ(0, RunIndex({"rebuild", "--index", index_, archive_}).exit_code);
  EXPECT_EQ(6, testing::Status(index_)["generation"]);
}

TEST_F(ArchiveIndexCliTest, RebuildRefusesWhenASourceCannotBeRead) {
  WriteRecords(archive_, TinyRecords(3));
  ASSERT_EQ(0, RunIndex({"update", "--index", index_, archive_}).exit_code);
  test::CommandResult run =
      RunIndex({"rebuild", "--index", index_, archive_, dir_.Join("missing.jsonl")});
  EXPECT_EQ(2, run.exit_code);
  EXPECT_EQ(json::array({1}), testing::Status(index_)["generations"]) << "nothing left behind";
}

TEST_F(ArchiveIndexCliTest, RejectedRecordsGoToTheRejectsFile) {
  std::ofstream(archive_) << TinyRecord("a", "fine").dump() << "\n{\"id\": 7}\nnot json\n";
  const std::string rejects = dir_.Join("rejects.txt");
  test::CommandResult run = RunIndex({"update", "--index", index_, "--json", "--rejects", rejects,
                                      archive_, dir_.Join("missing.jsonl")});
  EXPECT_EQ(1, run.exit_code) << run.err;
  EXPECT_EQ(3, ParseSummary(run)["rejected"]);
  EXPECT_EQ(1, ParseSummary(run)["added"]);
  std::ifstream in(rejects);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  ASSERT_EQ(3u, lines.size());
  EXPECT_EQ(0u, lines[0].find(archive_ + ":2: ")) << lines[0];
  EXPECT_EQ(0u, lines[1].find(archive_ + ":3: ")) << lines[1];
  EXPECT_EQ(0u, lines[2].find(dir_.Join("missing.jsonl") + ": ")) << lines[2];
}

TEST_F(ArchiveIndexCliTest, NothingReadableOrNoIndexExitsTwo) {
  test::CommandResult unreadable =
      RunIndex({"update", "--index", index_, "--json", dir_.Join("missing.jsonl")});
  EXPECT_EQ(2, unreadable.exit_code);
  EXPECT_TRUE(ParseSummary(unreadable)["error"].is_string()) << "one object, naming the error";
  EXPECT_EQ(2, RunIndex({"status", "--index", dir_.Join("nowhere")}).exit_code);
  EXPECT_EQ(2, RunIndex({"update", "--index", index_}).exit_code) << "no source given";
  std::filesystem::create_directories(dir_.Join("empty"));
  test::CommandResult empty = RunIndex({"status", "--index", dir_.Join("empty"), "--json"});
  ASSERT_EQ(0, empty.exit_code) << empty.err;
  EXPECT_EQ(0, ParseSummary(empty)["articles"]);
}

TEST_F(ArchiveIndexCliTest, FormatCanBeForced) {
  WriteRecords(archive_, TinyRecords(2));
  // Read as a WordPress export, a JSON Lines file is no export at all: nothing goes in.
  test::CommandResult forced =
      RunIndex({"update", "--index", index_, "--format", "wxr", "--json", archive_});
  EXPECT_EQ(2, forced.exit_code) << forced.err;
  test::CommandResult jsonl =
      RunIndex({"update", "--index", index_, "--format", "jsonl", "--json", archive_});
  ASSERT_EQ(0, jsonl.exit_code) << jsonl.err;
  EXPECT_EQ(2, ParseSummary(jsonl)["added"]);
  EXPECT_EQ(2, RunIndex({"update", "--index", index_, "--format", "docx", archive_}).exit_code);
}

TEST_F(ArchiveIndexCliTest, SecondWriterIsToldWhoHoldsTheLock) {
  WriteRecords(archive_, TinyRecords(2));
  ASSERT_EQ(0, RunIndex({"update", "--index", index_, archive_}).exit_code);
  auto lock = IndexLock::Acquire(index_, "the nightly import");
  ASSERT_TRUE(lock.ok());
  for (const char* command : {"update", "rebuild"}) {
    test::CommandResult run = RunIndex({command, "--index", index_, archive_});
    EXPECT_EQ(2, run.exit_code) << command;
    EXPECT_NE(std::string::npos, run.err.find("the nightly import")) << run.err;
    EXPECT_NE(std::string::npos, run.err.find("pid " + std::to_string(::getpid()))) << run.err;
  }
}

}  // namespace
}  // namespace archive::indexer
