// Read replicas on one machine as if it were several: the primary (archive-index update,
// rebuild, publish) and the replica (archive-index follow, archive-server) are separate
// processes talking over loopback on ephemeral ports.
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <thread>

#include "indexer/cli_test_support.h"
#include "tests/testing/temp_dir.h"

namespace archive::replica {
namespace {

using namespace std::chrono_literals;
using indexer::testing::json;
using indexer::testing::RunIndex;
using Clock = std::chrono::steady_clock;

// The port in a banner line "... on http://127.0.0.1:PORT ..." or "...:PORT".
int PortIn(const std::string& banner, const std::string& after) {
  const size_t at = banner.find(after);
  return at == std::string::npos ? -1 : std::atoi(banner.c_str() + at + after.size());
}

class Publisher {
 public:
  Publisher(const std::string& index, int port)
      : process_({test::BinaryPath("archive-index"), "publish", "--index", index, "--listen",
                  "127.0.0.1:" + std::to_string(port)}) {
    banner_ = process_.ReadLine();
    port_ = PortIn(banner_, "http://127.0.0.1:");
  }
  int port() const { return port_; }
  const std::string& banner() const { return banner_; }
  int Stop() { return process_.Stop(); }

 private:
  test::ChildProcess process_;
  std::string banner_;
  int port_ = -1;
};

// Asks the replica's server for the newest articles over and over, and fetches every hit's
// document: a hit without its document is a failure, as is any failed request.
// The (generation, revision) a search answer came from.
std::pair<uint64_t, uint64_t> StateOf(const httplib::Result& result) {
  if (!result || result->status != 200) return {0, 0};
  const json body = json::parse(result->body);
  return {body["generation"], body["revision"]};
}

class Reader {
 public:
  // `articles_may_go`: whether the primary removes articles meanwhile (a rebuild from
  // fewer sources), so that one may go between a search and the fetch of its hit.
  Reader(int port, bool articles_may_go)
      : articles_may_go_(articles_may_go), client_("127.0.0.1", port), thread_([this] { Run(); }) {}
  ~Reader() {
    stop_ = true;
    thread_.join();
  }

  // Waits until the server answers with `total` articles in `generation`.
  bool WaitFor(uint64_t total, uint64_t generation, std::chrono::seconds timeout) {
    const auto deadline = Clock::now() + timeout;
    while (Clock::now() < deadline) {
      {
        std::lock_guard<std::mutex> lock(mutex_);
        if (total_ == total && generation_ == generation) return true;
      }
      std::this_thread::sleep_for(20ms);
    }
    return false;
  }
  uint64_t answered() const { return answered_; }
  std::vector<std::string> failures() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return failures_;
  }

 private:
  void Run() {
    client_.set_read_timeout(10, 0);
    while (!stop_) {
      httplib::Result result = client_.Get("/api/search?q=&sort=newest&per_page=10");
      std::string failure;
      json body;
      if (!result) {
        failure = "no answer: " + httplib::to_string(result.error());
      } else if (result->status != 200) {
        failure = std::to_string(result->status) + ": " + result->body;
      } else {
        body = json::parse(result->body);
        for (const json& hit : body["hits"]) {
          const std::string id = hit["id"];
          httplib::Result article = client_.Get("/api/articles/" + id);
          // An article may go between the search and the fetch (a rebuild without it went
          // live meanwhile); on the state the search saw, a missing one is a failure.
          if (!article || article->status != 200)
            if (!article || article->status != 404 ||
                StateOf(client_.Get("/api/search?q=")) == StateOf(result))
              failure = "hit " + id + " without its document (" +
                        (article ? std::to_string(article->status) : "no answer") + ")";
        }
      }
      {
        std::lock_guard<std::mutex> lock(mutex_);
        if (!failure.empty()) {
          failures_.push_back(failure);
        } else {
          total_ = body["total"];
          generation_ = body["generation"];
          ++answered_;
        }
      }
      std::this_thread::sleep_for(10ms);
    }
  }

  const bool articles_may_go_;
  httplib::Client client_;
  std::atomic<bool> stop_{false};
  std::atomic<uint64_t> answered_{0};
  mutable std::mutex mutex_;
  uint64_t total_ = 0, generation_ = 0;
  std::vector<std::string> failures_;
  std::thread thread_;  // last: starts once everything above exists
};

class ReplicationTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { indexer::testing::TolerateXapianCheckSizedDelete(); }

  void SetUp() override {
    const std::string generated = dir_.Join("generated.jsonl");
    ASSERT_EQ(0, test::RunCommand({test::BinaryPath("archive-corpus"), "--seed", "5", "--articles",
                                   "220", "--out", generated})
                     .exit_code);
    std::vector<json> records;
    for (json& record : indexer::testing::ReadRecords(generated))
      if (record.value("kind", "article") == "article") records.push_back(std::move(record));
    ASSERT_GE(records.size(), 200u);
    // A first load of 100, then batches of 25 new articles (~ one issue each).
    for (size_t start = 0, n = 100; start + n <= records.size(); start += n, n = 25) {
      const std::string path = dir_.Join("batch-" + std::to_string(batches_.size()) + ".jsonl");
      indexer::testing::WriteRecords(
          path, std::vector<json>(records.begin() + static_cast<long>(start),
                                  records.begin() + static_cast<long>(start + n)));
      batches_.push_back(path);
      sizes_.push_back(start + n);  // articles in the index once this batch is in
    }
    ASSERT_EQ(0, RunIndex({"update", "--index", primary_, batches_[0]}).exit_code);
  }

  test::CommandResult FollowOnce(int port) {
    return RunIndex({"follow", "--index", replica_, "--primary",
                     "127.0.0.1:" + std::to_string(port), "--once", "--timeout", "10"});
  }

  // A follower that keeps polling the primary at `port` until the test ends.
  std::unique_ptr<test::ChildProcess> StartFollower(int port) {
    return std::make_unique<test::ChildProcess>(std::vector<std::string>{
        test::BinaryPath("archive-index"), "follow", "--index", replica_, "--primary",
        "127.0.0.1:" + std::to_string(port), "--interval", "0.2", "--timeout", "10"});
  }

  json Status(const std::string& index) { return indexer::testing::Status(index); }

  std::unique_ptr<test::ChildProcess> StartServer(int& port) {
    auto server = std::make_unique<test::ChildProcess>(
        std::vector<std::string>{test::BinaryPath("archive-server"), "--index", replica_, "--bind",
                                 "127.0.0.1", "--port", "0"});
    port = PortIn(server->ReadLine(), "127.0.0.1:");
    return server;
  }

  test::TempDir dir_;
  const std::string primary_ = dir_.Join("primary");
  const std::string replica_ = dir_.Join("replica");
  std::vector<std::string> batches_;
  std::vector<size_t> sizes_;
};

// The replica keeps answering, every hit with its document, while updates stream in; each
// new revision shows within seconds.
TEST_F(ReplicationTest, ServesWhileReceivingUpdates) {
  Publisher publisher(primary_, 0);
  ASSERT_GT(publisher.port(), 0) << publisher.banner();
  ASSERT_EQ(0, FollowOnce(publisher.port()).exit_code);
  auto follower = StartFollower(publisher.port());
  int port = 0;
  auto server = StartServer(port);
  ASSERT_GT(port, 0);
  Reader reader(port, /*articles_may_go=*/false);
  ASSERT_TRUE(reader.WaitFor(sizes_[0], 1, 10s));
  for (size_t i = 1; i < batches_.size(); ++i) {
    const auto start = Clock::now();
    ASSERT_EQ(0, RunIndex({"update", "--index", primary_, batches_[i]}).exit_code);
    EXPECT_TRUE(reader.WaitFor(sizes_[i], 1, 20s)) << "batch " << i << " never reached the replica";
    std::cout << "update of 25 articles served by the replica "
              << std::chrono::duration<double>(Clock::now() - start).count()
              << " s after the update began (noisy shared machine)\n";
  }
  EXPECT_GT(reader.answered(), 10u);
  const std::vector<std::string> failures = reader.failures();
  EXPECT_TRUE(failures.empty()) << failures.size() << " failures, first: " << failures.front();
}

// A replica offline while the primary commits several times catches up in one round.
TEST_F(ReplicationTest, CatchesUpAfterBeingOffline) {
  Publisher publisher(primary_, 0);
  ASSERT_EQ(0, FollowOnce(publisher.port()).exit_code);
  for (size_t i = 1; i < batches_.size(); ++i)
    ASSERT_EQ(0, RunIndex({"update", "--index", primary_, batches_[i]}).exit_code);
  ASSERT_EQ(0, RunIndex({"delete", "--index", primary_, "--json",
                         indexer::testing::ReadRecords(batches_[1])[0]["id"]})
                   .exit_code);
  const auto start = Clock::now();
  test::CommandResult caught_up = FollowOnce(publisher.port());
  ASSERT_EQ(0, caught_up.exit_code) << caught_up.err;
  std::cout << "caught up in " << std::chrono::duration<double>(Clock::now() - start).count()
            << " s: " << caught_up.err;
  // A published primary keeps changesets: the replica received those, not a full copy.
  EXPECT_NE(std::string::npos, caught_up.err.find("0 copies, 5 changesets")) << caught_up.err;
  const json primary = Status(primary_), replica = Status(replica_);
  EXPECT_EQ(primary["generation"], replica["generation"]);
  EXPECT_EQ(primary["revision"], replica["revision"]);
  EXPECT_EQ(sizes_.back() - 1, replica["articles"].get<size_t>());
  // Both pass the index check, and the served content agrees article by article.
  const test::CommandResult primary_list = RunIndex({"check", "--index", primary_, "--list"});
  const test::CommandResult replica_list = RunIndex({"check", "--index", replica_, "--list"});
  ASSERT_EQ(0, primary_list.exit_code) << primary_list.err;
  ASSERT_EQ(0, replica_list.exit_code) << replica_list.err;
  EXPECT_FALSE(primary_list.out.empty());
  EXPECT_EQ(primary_list.out, replica_list.out);
}

// A rebuild on the primary (a new generation) reaches the replica whole: the server
// switches to it without a failed request, and the old generation is removed.
TEST_F(ReplicationTest, SwitchesToANewGenerationAfterARebuild) {
  Publisher publisher(primary_, 0);
  ASSERT_EQ(0, FollowOnce(publisher.port()).exit_code);
  auto follower = StartFollower(publisher.port());
  int port = 0;
  auto server = StartServer(port);
  Reader reader(port, /*articles_may_go=*/true);
  ASSERT_TRUE(reader.WaitFor(sizes_[0], 1, 10s));
  std::vector<std::string> rebuild = {"rebuild", "--index", primary_};
  rebuild.insert(rebuild.end(), batches_.begin() + 1, batches_.end());
  ASSERT_EQ(0, RunIndex(rebuild).exit_code);
  const size_t rebuilt = sizes_.back() - sizes_[0];
  EXPECT_TRUE(reader.WaitFor(rebuilt, 2, 20s));
  const auto deadline = Clock::now() + 10s;
  while (std::filesystem::exists(replica_ + "/gen-000001") && Clock::now() < deadline)
    std::this_thread::sleep_for(50ms);
  EXPECT_FALSE(std::filesystem::exists(replica_ + "/gen-000001"));
  ASSERT_EQ(0, RunIndex({"update", "--index", primary_, batches_[0]}).exit_code);
  EXPECT_TRUE(reader.WaitFor(sizes_.back(), 2, 20s));
  const std::vector<std::string> failures = reader.failures();
  EXPECT_TRUE(failures.empty()) << failures.size() << " failures, first: " << failures.front();
}

// The primary stops mid-run: the replica keeps serving what it has, the follower says what
// failed and retries, a one-round follower fails quickly, and all resume when it is back.
TEST_F(ReplicationTest, KeepsServingWhileThePrimaryIsDown) {
  auto publisher = std::make_unique<Publisher>(primary_, 0);
  const int publish_port = publisher->port();
  ASSERT_EQ(0, FollowOnce(publish_port).exit_code);
  test::ChildProcess follower({test::BinaryPath("archive-index"), "follow", "--index", replica_,
                               "--primary", "127.0.0.1:" + std::to_string(publish_port),
                               "--interval", "0.2", "--timeout", "2"});
  int port = 0;
  auto server = StartServer(port);
  Reader reader(port, /*articles_may_go=*/false);
  ASSERT_TRUE(reader.WaitFor(sizes_[0], 1, 10s));

  publisher->Stop();
  publisher.reset();
  ASSERT_EQ(0, RunIndex({"update", "--index", primary_, batches_[1]}).exit_code);
  const auto start = Clock::now();
  test::CommandResult once = FollowOnce(publish_port);
  EXPECT_LT(Clock::now() - start, 15s);
  EXPECT_EQ(2, once.exit_code);
  EXPECT_NE(std::string::npos, once.err.find("unreachable")) << once.err;
  EXPECT_NE(std::string::npos, once.err.find("still serving generation 1")) << once.err;
  std::this_thread::sleep_for(1s);
  EXPECT_TRUE(reader.WaitFor(sizes_[0], 1, 1s));  // still the old state, still answering

  Publisher again(primary_, publish_port);
  ASSERT_EQ(publish_port, again.port()) << again.banner();
  EXPECT_TRUE(reader.WaitFor(sizes_[1], 1, 20s));
  const std::vector<std::string> failures = reader.failures();
  EXPECT_TRUE(failures.empty()) << failures.size() << " failures, first: " << failures.front();
  follower.Stop();
}

}  // namespace
}  // namespace archive::replica
