// archive-index pull against a stand-in WordPress site on loopback: an in-process HTTP
// server answering /wp-json/wp/v2/posts as WordPress does (published posts only, paged,
// ordered by modification, modified_after, _fields=id, X-WP-TotalPages), with a switch
// that makes one page fail.
#include <gtest/gtest.h>
#include <httplib.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <thread>

#include "indexer/cli_test_support.h"
#include "indexer/commands.h"
#include "tests/testing/temp_dir.h"

namespace archive::indexer {
namespace {

using testing::ParseSummary;
using testing::RunIndex;

struct Post {
  std::string title;
  std::string status = "publish";
  std::string modified_gmt;
};

class StandInWordPress {
 public:
  StandInWordPress() {
    server_.Get("/wp-json/wp/v2/posts",
                [this](const httplib::Request& request, httplib::Response& response) {
                  std::lock_guard lock(mutex_);
                  Answer(request, response);
                });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
  }
  ~StandInWordPress() {
    server_.stop();
    thread_.join();
  }

  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

  void Put(int id, Post post) {
    std::lock_guard lock(mutex_);
    posts_[id] = std::move(post);
  }
  void SetStatus(int id, const std::string& status, const std::string& modified_gmt) {
    std::lock_guard lock(mutex_);
    posts_[id].status = status;
    posts_[id].modified_gmt = modified_gmt;
  }
  // Page `page` of the changed-posts listing answers 500 (0: none).
  void FailChangedPage(int page) {
    std::lock_guard lock(mutex_);
    failing_page_ = page;
  }

 private:
  void Answer(const httplib::Request& request, httplib::Response& response) {
    const int per_page = std::stoi(request.get_param_value("per_page"));
    const int page = std::stoi(request.get_param_value("page"));
    const bool ids_only = request.get_param_value("_fields") == "id";
    if (!ids_only && page == failing_page_) {
      response.status = 500;
      response.set_content(R"({"code":"internal_server_error"})", "application/json");
      return;
    }
    std::string after = request.get_param_value("modified_after");
    std::vector<std::pair<std::string, int>> listed;  // (modified, id), oldest first
    for (const auto& [id, post] : posts_)
      if (post.status == "publish" && (after.empty() || post.modified_gmt > after))
        listed.emplace_back(post.modified_gmt, id);
    std::sort(listed.begin(), listed.end());
    const int total_pages =
        std::max<int>(1, (static_cast<int>(listed.size()) + per_page - 1) / per_page);
    nlohmann::json body = nlohmann::json::array();
    for (size_t i = static_cast<size_t>((page - 1) * per_page);
         i < listed.size() && i < static_cast<size_t>(page * per_page); ++i)
      body.push_back(ids_only ? nlohmann::json{{"id", listed[i].second}}
                              : PostJson(listed[i].second, posts_.at(listed[i].second)));
    response.set_header("X-WP-TotalPages", std::to_string(total_pages));
    response.set_content(body.dump(), "application/json");
  }

  static nlohmann::json PostJson(int id, const Post& post) {
    return {{"id", id},
            {"date_gmt", "2024-01-01T10:00:00"},
            {"modified_gmt", post.modified_gmt},
            {"status", post.status},
            {"type", "post"},
            {"link", "https://example.org/?p=" + std::to_string(id)},
            {"title", {{"rendered", post.title}}},
            {"content",
             {{"rendered", "<p>Tenants in Seattle organised about " + post.title + ".</p>"}}},
            {"excerpt", {{"rendered", ""}}}};
  }

  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::mutex mutex_;
  std::map<int, Post> posts_;
  int failing_page_ = 0;
};

// Post i was last modified i hours into 2024, so the posts span several days.
std::string HoursInto2024(int hours) {
  char text[32];
  std::snprintf(text, sizeof(text), "2024-01-%02dT%02d:00:00", 1 + hours / 24, hours % 24);
  return text;
}

class PullTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (int id = 1; id <= 150; ++id)
      site_.Put(id, {"rent strike number " + std::to_string(id), "publish", HoursInto2024(id)});
    site_.Put(500, {"a draft nobody may see", "draft", HoursInto2024(151)});
  }

  nlohmann::json Pull(int expected_exit = 0) {
    auto run = RunIndex({"pull", "--index", index_, "--wordpress", site_.url(), "--json"});
    EXPECT_EQ(run.exit_code, expected_exit) << run.err;
    return ParseSummary(run);
  }

  StandInWordPress site_;
  test::TempDir dir_;
  std::string index_ = dir_.path() + "/index";
};

TEST_F(PullTest, FirstPullFetchesEveryPublishedPostAcrossPages) {
  nlohmann::json first = Pull();
  EXPECT_EQ(first["added"], 150);
  EXPECT_EQ(first["fetched"], 150);
  EXPECT_EQ(first["modified_after"], HoursInto2024(150));
  EXPECT_EQ(testing::Status(index_)["articles"], 150);
}

TEST_F(PullTest, NextPullStartsWhereTheLastStopped) {
  Pull();
  nlohmann::json again = Pull();
  // Only the last day's posts are asked for again (the time-zone margin), and they are
  // recognised as unchanged.
  EXPECT_LT(again["fetched"].get<int>(), 30);
  EXPECT_EQ(again["added"], 0);
  EXPECT_EQ(again["changed"], 0);
  EXPECT_EQ(again["removed"], 0);

  site_.Put(3, {"rent strike number 3, corrected", "publish", HoursInto2024(200)});
  site_.SetStatus(7, "trash", HoursInto2024(201));
  site_.SetStatus(8, "private", HoursInto2024(202));
  site_.Put(151, {"a new post after the issue", "publish", HoursInto2024(203)});
  nlohmann::json changed = Pull();
  EXPECT_EQ(changed["added"], 1);
  EXPECT_EQ(changed["changed"], 1);
  EXPECT_EQ(changed["removed"], 2);
  EXPECT_EQ(testing::Status(index_)["articles"], 149);
}

TEST_F(PullTest, APageFailingMidwayAppliesNothingAndTheNextPullCompletes) {
  Pull();
  const nlohmann::json before = testing::Status(index_);
  for (int id = 1000; id < 1120; ++id)  // more than one page of changes
    site_.Put(id, {"storyline " + std::to_string(id), "publish", HoursInto2024(300 + id - 1000)});
  site_.FailChangedPage(2);
  nlohmann::json failed = Pull(kExitNothingChanged);
  EXPECT_NE(failed["error"].get<std::string>().find("HTTP 500"), std::string::npos);
  EXPECT_EQ(testing::Status(index_)["articles"], before["articles"]);
  EXPECT_EQ(testing::Status(index_)["revision"], before["revision"]);

  site_.FailChangedPage(0);
  nlohmann::json completed = Pull();
  EXPECT_EQ(completed["added"], 120);
  EXPECT_EQ(testing::Status(index_)["articles"], 270);
}

TEST_F(PullTest, ArticlesFromOtherSourcesAreKept) {
  const std::string archive = dir_.path() + "/print.jsonl";
  testing::WriteRecords(archive, {testing::TinyRecord("print-2013-001", "the first issue")});
  ASSERT_EQ(RunIndex({"update", "--index", index_, archive}).exit_code, 0);
  Pull();
  EXPECT_EQ(testing::Status(index_)["articles"], 151);
}

TEST_F(PullTest, AnUnreachableSiteIsAClearError) {
  auto run = RunIndex({"pull", "--index", index_, "--wordpress", "http://127.0.0.1:1"});
  EXPECT_EQ(run.exit_code, kExitNothingChanged);
  EXPECT_NE(run.err.find("127.0.0.1:1"), std::string::npos) << run.err;
  auto bad = RunIndex({"pull", "--index", index_, "--wordpress", "ftp://example.org"});
  EXPECT_EQ(bad.exit_code, kExitNothingChanged);
  EXPECT_NE(bad.err.find("not an http(s) URL"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace archive::indexer
