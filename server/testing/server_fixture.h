// ServerFixture: the real server on ephemeral loopback ports (public and admin
// listeners) over a small real index of three articles, built once per test suite.
// Access log lines are captured through ServerOptions::log_sink. Server-local test
// support, shared by the server_*_test.cc files.
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>

#include <functional>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "indexer/indexer.h"
#include "query/searcher.h"
#include "server/routes.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"

namespace archive::server::test {

using nlohmann::json;

inline Article MakeArticle(std::string id, std::string title, std::string body, std::string date,
                           std::vector<std::string> topics, std::vector<std::string> cities) {
  Article article;
  article.id = std::move(id);
  article.title = std::move(title);
  article.body = std::move(body);
  article.date = std::move(date);
  article.topics = std::move(topics);
  article.cities = std::move(cities);
  return article;
}

// One listener on its own thread.
class RunningServer {
 public:
  RunningServer(httplib::Server& server) : server_(server) {
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::yield();
  }
  ~RunningServer() {
    server_.stop();
    if (thread_.joinable()) thread_.join();
  }
  int port() const { return port_; }

 private:
  httplib::Server& server_;
  int port_ = -1;
  std::thread thread_;
};

class ServerFixture : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { BuildIndex(Articles()); }

  // A suite over other articles declares its own SetUpTestSuite calling this.
  static void BuildIndex(const std::vector<Article>& articles) {
    index_dir_ = new archive::test::TempDir();
    {
      auto indexer = indexer::Indexer::Open({index_dir_->path()});
      ASSERT_ARCHIVE_OK(indexer);
      for (const Article& article : articles) ASSERT_ARCHIVE_OK((*indexer)->Add(article));
      ASSERT_ARCHIVE_OK((*indexer)->Commit());
    }
    auto searcher = query::Searcher::Open({index_dir_->path()});
    ASSERT_ARCHIVE_OK(searcher);
    searcher_ = std::move(searcher).value().release();
  }

  static void TearDownTestSuite() {
    delete searcher_;
    delete index_dir_;
  }

  static std::vector<Article> Articles() {
    return {MakeArticle("a1", "Tenants win rent control",
                        "<p>Seattle tenants &amp; Sāwant’s office won rent control.</p>",
                        "2019-11-05", {"Housing"}, {"Seattle"}),
            MakeArticle("a2", "Port strike", "Boston dockworkers strike for a contract.",
                        "2020-01-10", {"Labor"}, {"Boston"}),
            MakeArticle("a3", "Rent strike spreads", "Rent strikes in Boston and Seattle.",
                        "2020-02-10", {"Housing", "Labor"}, {"Boston", "Seattle"})};
  }

  void SetUp() override { Start(ServerOptions()); }
  void TearDown() override { Stop(); }

  // (Re)starts both listeners with `options`; the log sink is always the capturing one.
  void Start(ServerOptions options) {
    Stop();
    options.log_sink = [this](std::string_view line) {
      std::lock_guard<std::mutex> lock(log_mutex_);
      log_lines_.emplace_back(line);
    };
    state_ = std::make_unique<ServingState>(*searcher_, std::move(options));
    server_ = std::make_unique<httplib::Server>();
    admin_ = std::make_unique<httplib::Server>();
    ConfigureServer(*server_, state_->options);
    ConfigureServer(*admin_, state_->options);
    RegisterRoutes(*server_, *state_);
    RegisterAdminRoutes(*admin_, *state_);
    if (extra_routes_) extra_routes_(*server_);
    public_ = std::make_unique<RunningServer>(*server_);
    admin_running_ = std::make_unique<RunningServer>(*admin_);
    port_ = public_->port();
    admin_port_ = admin_running_->port();
  }

  void Stop() {
    public_.reset();
    admin_running_.reset();
  }

  httplib::Client Client() const { return httplib::Client("127.0.0.1", port_); }
  httplib::Client AdminClient() const { return httplib::Client("127.0.0.1", admin_port_); }

  json GetJson(const std::string& path, int expected_status = 200) {
    httplib::Result result = Client().Get(path);
    EXPECT_TRUE(result) << path;
    if (!result) return json();
    EXPECT_EQ(expected_status, result->status) << path << " -> " << result->body;
    EXPECT_EQ("application/json", result->get_header_value("Content-Type"));
    return json::parse(result->body, nullptr, false);
  }

  json PostJson(const std::string& body, int expected_status = 200) {
    httplib::Result result = Client().Post("/api/search", body, "application/json");
    EXPECT_TRUE(result) << body;
    if (!result) return json();
    EXPECT_EQ(expected_status, result->status) << body << " -> " << result->body;
    return json::parse(result->body, nullptr, false);
  }

  // The logger runs just after a response is sent, so a test may see the response first.
  std::vector<std::string> WaitForLogLines(size_t count) {
    for (int i = 0; i < 200; ++i) {
      {
        std::lock_guard<std::mutex> lock(log_mutex_);
        if (log_lines_.size() >= count) return log_lines_;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    std::lock_guard<std::mutex> lock(log_mutex_);
    return log_lines_;
  }

  // Called by Start() on the public server before it listens: routes only a test needs.
  std::function<void(httplib::Server&)> extra_routes_;
  static inline archive::test::TempDir* index_dir_ = nullptr;
  static inline query::Searcher* searcher_ = nullptr;
  std::unique_ptr<ServingState> state_;
  std::unique_ptr<httplib::Server> server_;
  std::unique_ptr<httplib::Server> admin_;
  std::unique_ptr<RunningServer> public_;
  std::unique_ptr<RunningServer> admin_running_;
  int port_ = -1;
  int admin_port_ = -1;
  std::mutex log_mutex_;
  std::vector<std::string> log_lines_;
};

}  // namespace archive::server::test
