// kill -9 at many points of an update and of a rebuild (ARCHIVE_CRASH_AT, see
// crash_point.h, plus kills at seeded random instants): after each crash the index must
// open and serve exactly the old state or the new one with every hit's text, and rerunning
// the same command must finish the work, leaving no version in the store that no document
// names and no half-built generation behind.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <random>
#include <set>

#include "core/doc_store.h"
#include "core/index_layout.h"
#include "indexer/cli_test_support.h"
#include "query/searcher.h"
#include "tests/testing/temp_dir.h"

namespace archive::indexer {
namespace {

using testing::json;
using testing::RunIndex;
using IdSet = std::set<std::string>;

IdSet IdsOf(const std::vector<json>& records) {
  IdSet ids;
  for (const json& record : records) ids.insert(record["id"].get<std::string>());
  return ids;
}

struct Command {
  std::string verb;  // "update" (with --prune) or "rebuild"
  std::vector<std::string> Args(const std::string& index, const std::string& source) const {
    std::vector<std::string> args = {verb, "--index", index};
    if (verb == "update") args.push_back("--prune");
    // Small parts: a rebuild of this archive merges several, so a kill lands mid-merge.
    if (verb == "rebuild") args.insert(args.end(), {"--part-size", "16"});
    args.push_back(source);
    return args;
  }
};

test::CommandResult RunCrashing(const std::vector<std::string>& args, const std::string& spec) {
  ::setenv("ARCHIVE_CRASH_AT", spec.c_str(), 1);
  test::CommandResult result = RunIndex(args);
  ::unsetenv("ARCHIVE_CRASH_AT");
  return result;
}

// Starts archive-index and kills it with SIGKILL after `delay`; returns whether it was
// still running then.
bool KillAfter(const std::vector<std::string>& args, std::chrono::microseconds delay) {
  std::vector<std::string> argv = args;
  argv.insert(argv.begin(), test::BinaryPath("archive-index"));
  std::vector<char*> c_args;
  for (std::string& arg : argv) c_args.push_back(arg.data());
  c_args.push_back(nullptr);
  pid_t pid = ::fork();
  if (pid == 0) {
    ::freopen("/dev/null", "w", stderr);
    ::freopen("/dev/null", "w", stdout);
    ::execv(c_args[0], c_args.data());
    ::_exit(127);
  }
  ::usleep(static_cast<useconds_t>(delay.count()));
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFSIGNALED(status);
}

class CrashSafetyTest : public ::testing::Test {
 protected:
  // Old state: 120 generated articles. New state: 30 of them changed, 10 gone (pruned or
  // left out of the rebuild), 25 new.
  static void SetUpTestSuite() {
    dir_ = new test::TempDir();
    std::string generated = dir_->Join("generated.jsonl");
    ASSERT_EQ(0, test::RunCommand({test::BinaryPath("archive-corpus"), "--seed", "5", "--articles",
                                   "120", "--out", generated})
                     .exit_code);
    std::vector<json> old_records;
    for (json& record : testing::ReadRecords(generated)) {
      if (record.value("kind", "article") == "article") old_records.push_back(std::move(record));
    }
    std::vector<json> new_records(old_records.begin() + 10, old_records.end());
    for (size_t i = 0; i < 30; ++i) new_records[i]["title"] = "Revised: " + std::to_string(i);
    for (int i = 0; i < 25; ++i) {
      json copy = old_records[static_cast<size_t>(i)];
      copy["id"] = "crash-new-" + std::to_string(i);
      copy["url"] = "https://example.org/crash-new-" + std::to_string(i);
      new_records.push_back(std::move(copy));
    }
    old_ids_ = IdsOf(old_records);
    new_ids_ = IdsOf(new_records);
    testing::WriteRecords(dir_->Join("old.jsonl"), old_records);
    testing::WriteRecords(dir_->Join("new.jsonl"), new_records);
    testing::WriteRecords(dir_->Join("empty.jsonl"), {});
    base_index_ = dir_->Join("base");
    ASSERT_EQ(0, RunIndex({"update", "--index", base_index_, dir_->Join("old.jsonl")}).exit_code);
  }
  static void TearDownTestSuite() { delete dir_; }

  // A fresh copy of the index in the old state.
  std::string CopyOfBase() {
    std::string copy = dir_->Join("case-" + std::to_string(++cases_));
    std::filesystem::copy(base_index_, copy, std::filesystem::copy_options::recursive);
    return copy;
  }

  // What a searcher sees: exactly one of `allowed`, every hit with its stored text.
  static void ExpectServes(const std::string& index, const std::vector<const IdSet*>& allowed,
                           const std::string& context) {
    auto searcher = query::Searcher::Open({index});
    ASSERT_TRUE(searcher.ok()) << context << ": " << searcher.status().ToString();
    query::SearchRequest request;
    request.limit = 1000;
    request.want_facets = false;
    auto result = (*searcher)->Search(request);
    ASSERT_TRUE(result.ok()) << context << ": " << result.status().ToString();
    IdSet seen;
    for (const query::Hit& hit : result->hits) {
      EXPECT_FALSE(hit.title.empty()) << context << ": " << hit.id;
      seen.insert(hit.id);
    }
    EXPECT_EQ(result->total, seen.size()) << context;
    bool matches = false;
    for (const IdSet* ids : allowed) matches = matches || seen == *ids;
    EXPECT_TRUE(matches) << context << ": " << seen.size() << " articles, neither old ("
                         << old_ids_.size() << ") nor new (" << new_ids_.size() << ")";
  }

  // The store agrees with Xapian's committed documents: each id's current version is the
  // one its document indexed, and no other version is left. After a finished command, no
  // generation directory is above the live one (an update leaves a half-built generation
  // for the next rebuild to remove; readers ignore it meanwhile).
  static void ExpectStoreAgrees(const std::string& index, const std::string& context,
                                bool finished) {
    json status = testing::Status(index);
    uint64_t live = status["generation"];
    for (uint64_t generation : status["generations"]) {
      if (finished) {
        EXPECT_LE(generation, live) << context << ": half-built generation left";
      }
    }
    std::map<std::string, std::string> indexed, current, versions;
    Xapian::Database db(index_layout::XapianPath(index, live));
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
      std::string data = db.get_document(*it).get_data();
      indexed[data.substr(0, data.find('\n'))] = data.substr(data.find('\n') + 1);
    }
    auto store = DocStore::Open(index_layout::StorePath(index, live), DocStore::Mode::kReadOnly);
    ASSERT_TRUE(store.ok()) << context;
    ASSERT_TRUE((*store)
                    ->ForEachCurrent([&](auto id, auto hash) { current[std::string(id)] = hash; })
                    .ok());
    ASSERT_TRUE((*store)
                    ->ForEachVersion([&](auto id, auto hash) { versions[std::string(id)] = hash; })
                    .ok());
    EXPECT_EQ(indexed, current) << context << ": current pointers disagree with Xapian";
    EXPECT_EQ(indexed, versions) << context << ": versions no document names";
  }

  // The next writer to open the index finishes what the crash left undone, even when it
  // has nothing to add (so the rerun's own work cannot hide a missing repair).
  static void ExpectNextOpenRepairs(const std::string& index, const std::string& context) {
    test::CommandResult empty = RunIndex({"update", "--index", index, dir_->Join("empty.jsonl")});
    ASSERT_EQ(0, empty.exit_code) << context << ": " << empty.err;
    ExpectServes(index, {&old_ids_, &new_ids_}, context + ", reopened");
    ExpectStoreAgrees(index, context + ", reopened", false);
  }

  // Crashes `command` as each spec says (in turn), checks, then reruns it to completion.
  void CrashThenFinish(const Command& command, const std::vector<std::string>& specs) {
    std::string index = CopyOfBase();
    std::string context = command.verb;
    for (const std::string& spec : specs) {
      context += " " + spec;
      test::CommandResult crashed = RunCrashing(command.Args(index, NewSource()), spec);
      ASSERT_EQ(-1, crashed.exit_code) << context << " did not crash: " << crashed.err;
      ExpectServes(index, {&old_ids_, &new_ids_}, context);
    }
    ExpectNextOpenRepairs(index, context);
    FinishAndCheck(command, index, context);
  }

  static void FinishAndCheck(const Command& command, const std::string& index,
                             const std::string& context) {
    test::CommandResult rerun = RunIndex(command.Args(index, NewSource()));
    ASSERT_EQ(0, rerun.exit_code) << context << ": " << rerun.err;
    ExpectServes(index, {&new_ids_}, context + ", rerun");
    ExpectStoreAgrees(index, context, true);
    test::CommandResult again =
        RunIndex({"update", "--index", index, "--prune", "--json", NewSource()});
    json summary = testing::ParseSummary(again);
    EXPECT_EQ(0, summary["added"].get<int>() + summary["changed"].get<int>() +
                     summary["removed"].get<int>())
        << context << ": " << again.out;
  }

  static std::string NewSource() { return dir_->Join("new.jsonl"); }

  static inline test::TempDir* dir_ = nullptr;
  static inline std::string base_index_;
  static inline IdSet old_ids_, new_ids_;
  static inline int cases_ = 0;
};

const Command kUpdate{"update"};
const Command kRebuild{"rebuild"};

TEST_F(CrashSafetyTest, UpdateKilledAtEachPoint) {
  for (const char* spec :
       {"after_add:1", "after_add:30", "after_add:55", "before_xapian_commit:1",
        "after_xapian_commit:1", "applying_to_store:1", "applying_to_store:40"}) {
    SCOPED_TRACE(spec);
    CrashThenFinish(kUpdate, {spec});
  }
}

TEST_F(CrashSafetyTest, RecoveryKilledAndRecoveredAgain) {
  CrashThenFinish(kUpdate, {"after_xapian_commit:1", "recovering:3", "recovering:50"});
  CrashThenFinish(kUpdate, {"after_add:20", "recovering:1"});
}

TEST_F(CrashSafetyTest, RebuildKilledAtEachPoint) {
  for (const char* spec :
       {"rebuild_add:1", "rebuild_add:70", "rebuild_merging:1", "rebuild_merging:4",
        "rebuild_merging:9", "rebuild_before_switch:1", "rebuild_after_switch:1"}) {
    SCOPED_TRACE(spec);
    CrashThenFinish(kRebuild, {spec});
  }
}

TEST_F(CrashSafetyTest, RebuildKilledWhileRemovingOldGenerations) {
  std::string index = CopyOfBase();
  for (int i = 0; i < 3; ++i)  // generations 2-4, all in the old state
    ASSERT_EQ(0, RunIndex({"rebuild", "--index", index, dir_->Join("old.jsonl")}).exit_code);
  for (const char* spec : {"removing_generation:1", "rebuild_after_switch:1"}) {
    ASSERT_EQ(-1, RunCrashing(kRebuild.Args(index, NewSource()), spec).exit_code) << spec;
    ExpectServes(index, {&old_ids_, &new_ids_}, spec);
  }
  FinishAndCheck(kRebuild, index, "removing generations");
  EXPECT_EQ(3u, testing::Status(index)["generations"].size());
}

// The first update of an empty index is built like a rebuild (parts merged): killed at
// any step, nothing is live; the next update starts again and commits everything.
TEST_F(CrashSafetyTest, FirstLoadKilledAtEachPoint) {
  for (const char* spec : {"rebuild_add:40", "rebuild_merging:2", "rebuild_before_switch:1"}) {
    SCOPED_TRACE(spec);
    std::string index = dir_->Join("first-load-" + std::to_string(++cases_));
    std::vector<std::string> args = {"update", "--index", index, "--part-size", "16", NewSource()};
    ASSERT_EQ(-1, RunCrashing(args, spec).exit_code) << spec;
    json status = testing::Status(index);
    EXPECT_EQ(0, status["articles"].get<int>()) << spec;
    test::CommandResult rerun = RunIndex(args);
    ASSERT_EQ(0, rerun.exit_code) << spec << ": " << rerun.err;
    ExpectServes(index, {&new_ids_}, std::string(spec) + ", rerun");
    ExpectStoreAgrees(index, spec, true);
  }
}

TEST_F(CrashSafetyTest, KilledAtRandomInstants) {
  std::mt19937 random(20240501);  // fixed seed: the same instants every run
  std::uniform_int_distribution<int> delay_us(0, 600000);
  for (const Command* command : {&kUpdate, &kRebuild}) {
    for (int round = 0; round < 4; ++round) {
      std::string index = CopyOfBase();
      std::chrono::microseconds delay(delay_us(random));
      std::string context =
          command->verb + " killed after " + std::to_string(delay.count()) + " us";
      KillAfter(command->Args(index, NewSource()), delay);
      ExpectServes(index, {&old_ids_, &new_ids_}, context);
      ExpectNextOpenRepairs(index, context);
      FinishAndCheck(*command, index, context);
    }
  }
}

}  // namespace
}  // namespace archive::indexer
