// A running archive-server follows the index without a restart: every committed update and
// every generation switch (rebuild, rollback) shows within seconds, and no request fails
// while the writer works.
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include "indexer/cli_test_support.h"
#include "tests/testing/temp_dir.h"

namespace archive::indexer {
namespace {

using namespace std::chrono_literals;
using testing::json;
using testing::RunIndex;

// Asks the server for the whole archive's count, over and over, from its own thread.
class Poller {
 public:
  explicit Poller(int port) : client_("127.0.0.1", port), thread_([this] { Run(); }) {}
  ~Poller() {
    stop_ = true;
    thread_.join();
  }

  // Waits until the server reports `articles` at `generation`; false after `timeout`.
  bool WaitFor(uint64_t articles, uint64_t generation, std::chrono::seconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      {
        std::lock_guard<std::mutex> lock(mutex_);
        if (last_total_ == articles && last_generation_ == generation) return true;
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
      httplib::Result result = client_.Get("/api/search?q=&per_page=5");
      std::unique_lock<std::mutex> lock(mutex_);
      if (!result) {
        failures_.push_back("no answer: " + httplib::to_string(result.error()));
      } else if (result->status != 200) {
        failures_.push_back(std::to_string(result->status) + ": " + result->body);
      } else {
        json body = json::parse(result->body);
        last_total_ = body["total"];
        last_generation_ = body["generation"];
        ++answered_;
      }
      lock.unlock();
      std::this_thread::sleep_for(10ms);  // steady traffic without hogging shared cores
    }
  }

  httplib::Client client_;
  std::atomic<bool> stop_{false};
  std::atomic<uint64_t> answered_{0};
  mutable std::mutex mutex_;
  uint64_t last_total_ = 0;
  uint64_t last_generation_ = 0;
  std::vector<std::string> failures_;
  std::thread thread_;  // last: starts once everything above exists
};

TEST(LiveServerTest, FollowsUpdatesRebuildsAndRollbacksWithoutFailingARequest) {
  test::TempDir dir;
  const std::string generated = dir.Join("generated.jsonl");
  ASSERT_EQ(0, test::RunCommand({test::BinaryPath("archive-corpus"), "--seed", "11", "--articles",
                                 "150", "--out", generated})
                   .exit_code);
  std::vector<json> small, large;
  for (json& record : testing::ReadRecords(generated)) {
    if (record.value("kind", "article") != "article") continue;
    if (small.size() < 100) small.push_back(record);
    large.push_back(std::move(record));
  }
  const std::string small_path = dir.Join("small.jsonl");
  const std::string large_path = dir.Join("large.jsonl");
  testing::WriteRecords(small_path, small);
  testing::WriteRecords(large_path, large);
  const std::string index = dir.Join("index");
  ASSERT_EQ(0, RunIndex({"update", "--index", index, small_path}).exit_code);

  test::ChildProcess server(
      {test::BinaryPath("archive-server"), "--index", index, "--bind", "127.0.0.1", "--port", "0"});
  const std::string banner = server.ReadLine();
  const size_t colon = banner.rfind(':');
  ASSERT_NE(std::string::npos, colon) << banner;
  Poller poller(std::stoi(banner.substr(colon + 1)));
  ASSERT_TRUE(poller.WaitFor(small.size(), 1, 5s));

  struct Step {
    std::vector<std::string> args;
    uint64_t articles, generation;
  };
  const std::vector<Step> steps = {
      {{"update", "--index", index, large_path}, large.size(), 1},
      {{"delete", "--index", index, small[0]["id"]}, large.size() - 1, 1},
      {{"rebuild", "--index", index, small_path}, small.size(), 2},
      {{"update", "--index", index, large_path}, large.size(), 2},
      {{"rollback", "--index", index}, large.size() - 1, 1},
      {{"rebuild", "--index", index, large_path}, large.size(), 3},
      {{"update", "--index", index, "--prune", small_path}, small.size(), 3},
  };
  for (const Step& step : steps) {
    test::CommandResult run = RunIndex(step.args);
    ASSERT_EQ(0, run.exit_code) << step.args[0] << ": " << run.err;
    EXPECT_TRUE(poller.WaitFor(step.articles, step.generation, 5s))
        << "after " << step.args[0] << " the server did not reach " << step.articles
        << " articles in generation " << step.generation;
  }
  EXPECT_GT(poller.answered(), 20u);
  std::vector<std::string> failures = poller.failures();
  EXPECT_TRUE(failures.empty()) << failures.size() << " failed requests, first: "
                                << (failures.empty() ? "" : failures.front());
}

}  // namespace
}  // namespace archive::indexer
