#include "bench/load_gen.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <map>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace archive::bench {
namespace {

// A real server on an ephemeral loopback port, counting the paths it is asked for.
class TinyServer {
 public:
  TinyServer() {
    server_.Get("/fast/.*", [this](const httplib::Request& request, httplib::Response& response) {
      Count(request.path);
      response.set_content("ok", "text/plain");
    });
    server_.Get("/slow", [this](const httplib::Request& request, httplib::Response& response) {
      Count(request.path);
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      response.set_content("ok", "text/plain");
    });
    server_.Get("/error", [this](const httplib::Request& request, httplib::Response& response) {
      Count(request.path);
      response.status = 500;
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
  }
  ~TinyServer() {
    server_.stop();
    thread_.join();
  }
  TinyServer(const TinyServer&) = delete;
  TinyServer& operator=(const TinyServer&) = delete;

  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  std::map<std::string, int> counts() {
    std::lock_guard lock(mutex_);
    return counts_;
  }

 private:
  void Count(const std::string& path) {
    std::lock_guard lock(mutex_);
    ++counts_[path];
  }

  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  std::mutex mutex_;
  std::map<std::string, int> counts_;
};

// A load of `rate` requests/s in all over `connections`, for `ms` milliseconds.
LoadOptions Load(const TinyServer& server, std::vector<std::string> paths, int connections,
                 double rate, int ms) {
  LoadOptions options;
  options.base_url = server.url();
  options.paths = std::move(paths);
  options.connections = connections;
  options.rate = rate;
  options.duration = std::chrono::milliseconds(ms);
  return options;
}

TEST(LoadGenTest, SendsTheWholeScheduleCyclingThroughThePaths) {
  TinyServer server;
  const LoadReport report =
      RunLoad(Load(server, {"/fast/a", "/fast/b", "/fast/c", "/fast/d", "/fast/e"}, 4, 200, 500));
  // 4 connections, each every 20 ms for 500 ms: 25 requests each.
  EXPECT_EQ(report.scheduled, 100u);
  EXPECT_EQ(report.sent, 100u);
  EXPECT_EQ(report.completed, 100u);
  EXPECT_EQ(report.errors, 0u);
  // The schedule walks the paths in turn: each of the 5 paths 20 times.
  const std::map<std::string, int> expected = {
      {"/fast/a", 20}, {"/fast/b", 20}, {"/fast/c", 20}, {"/fast/d", 20}, {"/fast/e", 20}};
  EXPECT_EQ(server.counts(), expected);
  EXPECT_GT(report.achieved_rate, 0);
  EXPECT_LE(report.p50_us, report.p99_us);
  EXPECT_LE(report.p99_us, report.max_us);
}

TEST(LoadGenTest, CountsErrorStatuses) {
  TinyServer server;
  const LoadReport report = RunLoad(Load(server, {"/fast/x", "/error"}, 2, 100, 200));
  EXPECT_EQ(report.scheduled, 20u);
  EXPECT_EQ(report.sent, 20u);
  EXPECT_EQ(report.completed, 10u);
  EXPECT_EQ(report.errors, 10u);
}

TEST(LoadGenTest, LatencyRunsFromTheScheduleNotFromTheSend) {
  TinyServer server;
  // One connection asked for a request every 10 ms by a server that takes 20 ms: it falls
  // further behind with every request. Measured from the schedule, the k-th request waits
  // about k * 10 ms before it is even sent; measured from the send (as a closed-loop
  // generator would), every request takes about 20 ms.
  const LoadReport report = RunLoad(Load(server, {"/slow"}, 1, 100, 300));
  ASSERT_EQ(report.completed, 30u);
  // The last request was due at 290 ms and could not finish before 30 * 20 = 600 ms.
  EXPECT_GE(report.max_us, 290'000);
  EXPECT_GE(report.seconds, 0.6);
  EXPECT_GE(report.service_p50_us, 20'000);
  EXPECT_GT(report.max_us, 3 * report.service_p50_us);
  EXPECT_GT(report.p50_us, report.service_p50_us);
}

}  // namespace
}  // namespace archive::bench
