// Shards, as an operator runs them (docs/shards.md): one generated archive indexed whole,
// split into three shards by issue range, and into three by hash with one of them served
// by xapian-tcpsrv in its own process on a loopback port. A fixed query set (words,
// phrases, operators, filters, facet selections, sorts, pages) must give the same answers
// everywhere: same ids in the same order up to ties, same totals and facet counts, same
// stored text. Then shards go away mid-run (killed, or frozen so that only Xapian's
// remote timeout ends the wait): the server answers from the others within a bound and
// says the answer is partial, or fails clearly when configured to.
#include <arpa/inet.h>
#include <dirent.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "tests/testing/subprocess.h"
#include "tests/testing/temp_dir.h"

namespace archive {
namespace {

using nlohmann::json;
using test::BinaryPath;
using test::CommandResult;
using test::RunCommand;
using Clock = std::chrono::steady_clock;

int FreeLoopbackPort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof(address);
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address));
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(fd);
  return ntohs(address.sin_port);
}

// xapian-tcpsrv forks a child per connection: a whole shard host stops only when the
// children stop too.
void SignalTree(pid_t root, int signal) {
  std::vector<pid_t> children;
  if (DIR* proc = ::opendir("/proc")) {
    while (dirent* entry = ::readdir(proc)) {
      std::ifstream stat(std::string("/proc/") + entry->d_name + "/stat");
      std::string line;
      if (!std::getline(stat, line)) continue;
      const size_t close = line.rfind(')');
      std::istringstream fields(line.substr(close + 2));
      std::string state;
      pid_t parent = 0;
      fields >> state >> parent;
      if (parent == root) children.push_back(std::stoi(entry->d_name));
    }
    ::closedir(proc);
  }
  for (pid_t child : children) ::kill(child, signal);
  ::kill(root, signal);
}

// One remote shard: stock xapian-tcpsrv serving a shard's live Xapian database.
class RemoteShard {
 public:
  explicit RemoteShard(const std::string& shard_dir) {
    std::ifstream current(shard_dir + "/CURRENT");
    std::string generation;
    current >> generation;
    for (int attempt = 0; attempt < 5 && port_ == 0; ++attempt) {
      const int port = FreeLoopbackPort();
      auto server = std::make_unique<test::ChildProcess>(
          std::vector<std::string>{"/usr/bin/xapian-tcpsrv", "--interface", "127.0.0.1", "--port",
                                   std::to_string(port), shard_dir + "/" + generation + "/xapian"});
      server->ReadLine();                                  // "Starting server on ..."
      if (server->ReadLine() != "Listening...") continue;  // the port was taken meanwhile
      server_ = std::move(server);
      port_ = port;
    }
  }
  ~RemoteShard() { Kill(); }

  bool running() const { return port_ != 0; }
  std::string Spec(const std::string& store_dir) const {
    return "tcp://127.0.0.1:" + std::to_string(port_) + "=" + store_dir;
  }
  void Kill() {
    if (server_ && server_->pid() > 0) SignalTree(server_->pid(), SIGKILL);
    server_.reset();
  }
  void Freeze() { SignalTree(server_->pid(), SIGSTOP); }
  void Thaw() { SignalTree(server_->pid(), SIGCONT); }

 private:
  std::unique_ptr<test::ChildProcess> server_;
  int port_ = 0;
};

std::vector<json> JsonLines(const std::string& text) {
  std::vector<json> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) out.push_back(json::parse(line));
  }
  return out;
}

class ShardsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::TempDir();
    const std::string archive = dir_->Join("archive.jsonl");
    Run({BinaryPath("archive-corpus"), "--seed", "11", "--articles", "400", "--out", archive});
    Run({BinaryPath("archive-index"), "rebuild", "--index", dir_->Join("one"), archive});
    Run({BinaryPath("archive-index"), "rebuild", "--index", dir_->Join("by-issue"), "--shards", "3",
         "--shard-by", "issue", archive});
    Run({BinaryPath("archive-index"), "rebuild", "--index", dir_->Join("by-hash"), "--shards", "3",
         "--shard-by", "hash", archive});
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }

  static void Run(const std::vector<std::string>& argv) {
    CommandResult result = RunCommand(argv);
    ASSERT_EQ(0, result.exit_code) << argv[0] << " " << argv[1] << ": " << result.err;
  }

  // A shards file: by-hash's shards 1 and 3 local, shard 2 through `remote`.
  static std::string MixedShardsFile(const RemoteShard& remote) {
    const std::string path = dir_->Join("mixed.shards");
    std::ofstream out(path);
    out << "by-hash/shard-1\n" << remote.Spec("by-hash/shard-2") << "\nby-hash/shard-3\n";
    return path;
  }

  static json Search(const std::vector<std::string>& index_args,
                     const std::vector<std::string>& query) {
    std::vector<std::string> argv = {BinaryPath("archive-search")};
    argv.insert(argv.end(), index_args.begin(), index_args.end());
    for (const char* arg :
         {"--format", "jsonl", "--limit", "15", "--facets", "topic,city,year,author,issue"})
      argv.push_back(arg);
    argv.insert(argv.end(), query.begin(), query.end());
    CommandResult result = RunCommand(argv);
    EXPECT_TRUE(result.exit_code == 0 || result.exit_code == 1) << result.err;
    json out = {{"hits", json::array()}, {"summary", json::object()}};
    for (json& line : JsonLines(result.out)) {
      if (line.value("type", "") == "summary") {
        out["summary"] = std::move(line);
      } else {
        out["hits"].push_back(std::move(line));
      }
    }
    return out;
  }

  static test::TempDir* dir_;
};

test::TempDir* ShardsTest::dir_ = nullptr;

// Hits in runs of equal sort keys (score, date): Xapian orders such ties by docid, and
// docids differ between one index and its shards.
std::vector<std::vector<json>> TieGroups(const json& hits) {
  std::vector<std::vector<json>> groups;
  for (const json& hit : hits) {
    const double score = hit["score"];
    const bool same = !groups.empty() && groups.back().back()["date"] == hit["date"] &&
                      std::fabs(groups.back().back()["score"].get<double>() - score) <=
                          1e-9 * std::max(1.0, std::fabs(score));
    if (!same) groups.emplace_back();
    groups.back().push_back(hit);
  }
  return groups;
}

std::set<std::string> IdsOf(const std::vector<json>& group) {
  std::set<std::string> ids;
  for (const json& hit : group) ids.insert(hit["id"].get<std::string>());
  return ids;
}

// `ranked`: compare the hits too. Not for a query Xapian scores with an OP_SYNONYM (a
// trailing wildcard): it estimates a synonym's statistics per shard (docs/shards.md).
void ExpectSameAnswer(const json& expected, const json& actual, const std::string& what,
                      bool ranked = true) {
  SCOPED_TRACE(what);
  const json& want = expected["summary"];
  const json& got = actual["summary"];
  EXPECT_EQ(want["total"], got["total"]);
  EXPECT_EQ(want["facets"], got["facets"]);
  EXPECT_EQ(want["suggestion"], got["suggestion"]);
  EXPECT_EQ(want["notices"], got["notices"]);
  EXPECT_FALSE(got.contains("partial"));
  EXPECT_EQ(expected["hits"].size(), actual["hits"].size());
  if (!ranked) return;
  const auto want_groups = TieGroups(expected["hits"]);
  const auto got_groups = TieGroups(actual["hits"]);
  ASSERT_EQ(want_groups.size(), got_groups.size());
  for (size_t g = 0; g < want_groups.size(); ++g) {
    ASSERT_EQ(want_groups[g].size(), got_groups[g].size()) << "tie group " << g;
    EXPECT_NEAR(want_groups[g][0]["score"].get<double>(), got_groups[g][0]["score"].get<double>(),
                1e-9 * std::max(1.0, want_groups[g][0]["score"].get<double>()));
    // The last run may be cut by the page end at a different member.
    if (g + 1 < want_groups.size()) {
      EXPECT_EQ(IdsOf(want_groups[g]), IdsOf(got_groups[g]));
    }
  }
  // The same stored text (title, snippet, metadata) for every hit both pages hold.
  std::map<std::string, json> by_id;
  for (json hit : expected["hits"]) {
    hit.erase("rank");
    hit.erase("score");
    by_id[hit["id"]] = hit;
  }
  for (json hit : actual["hits"]) {
    hit.erase("rank");
    hit.erase("score");
    auto it = by_id.find(hit["id"]);
    if (it != by_id.end()) {
      EXPECT_EQ(it->second, hit);
    }
  }
}

TEST_F(ShardsTest, ShardedAnswersEqualTheUnshardedIndex) {
  RemoteShard remote(dir_->Join("by-hash/shard-2"));
  ASSERT_TRUE(remote.running()) << "xapian-tcpsrv did not start (package xapian-tools)";
  const std::string mixed = MixedShardsFile(remote);
  const json browse = Search({"--index", dir_->Join("one")}, {});
  const json& facets = browse["summary"]["facets"];
  ASSERT_GE(facets["topic"].size(), 2u);
  ASSERT_GE(facets["city"].size(), 1u);
  const std::string topic1 = facets["topic"][0]["value"], topic2 = facets["topic"][1]["value"];
  const std::string city = facets["city"][0]["value"];
  ASSERT_GE(browse["hits"].size(), 1u);
  const std::string some_id = browse["hits"][0]["id"];

  const std::vector<std::vector<std::string>> queries = {
      {"organi*"},  // first: the only one compared without its hits
      {},
      {"rent", "control"},
      {"\"rent control\""},
      {"--", "housing", "-eviction"},
      {"strike", "OR", "union"},
      {"title:strike"},
      {"--topic", topic1, "workers"},
      {"--topic", topic1, "--topic", topic2, "--city", city},
      {"--sort", "newest", "housing"},
      {"--sort", "oldest", "--from", "2014", "--to", "2016", "city"},
      {"--issue", "3..7", "rent"},
      {"--page", "2", "housing"},
      {"--like", some_id},
  };
  const std::vector<std::pair<std::string, std::vector<std::string>>> sharded = {
      {"three local shards by issue", {"--index", dir_->Join("by-issue")}},
      {"by hash, one remote", {"--shards", mixed}},
      {"by hash, one remote, repeated --index",
       {"--index", dir_->Join("by-hash/shard-1"), "--index",
        remote.Spec(dir_->Join("by-hash/shard-2")), "--index", dir_->Join("by-hash/shard-3")}},
  };
  for (size_t q = 0; q < queries.size(); ++q) {
    const std::vector<std::string>& query = queries[q];
    std::string text;
    for (const std::string& word : query) text += word + " ";
    const json expected = Search({"--index", dir_->Join("one")}, query);
    for (const auto& [name, index_args] : sharded)
      ExpectSameAnswer(expected, Search(index_args, query), name + ": " + text, q > 0);
  }
}

class Server {
 public:
  explicit Server(const std::vector<std::string>& extra) {
    std::vector<std::string> argv = {BinaryPath("archive-server"), "--bind", "127.0.0.1", "--port",
                                     "0"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    process_ = std::make_unique<test::ChildProcess>(argv);
    const std::string banner = process_->ReadLine();
    const size_t colon = banner.rfind(':');
    if (colon != std::string::npos) port_ = std::stoi(banner.substr(colon + 1));
  }
  int port() const { return port_; }
  json Get(const std::string& path, int* status = nullptr) const {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(60, 0);
    httplib::Result result = client.Get(path);
    if (!result) return {{"transport_error", httplib::to_string(result.error())}};
    if (status != nullptr) *status = result->status;
    return json::parse(result->body, nullptr, false);
  }

 private:
  std::unique_ptr<test::ChildProcess> process_;
  int port_ = 0;
};

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

TEST_F(ShardsTest, ServerFetchesSuggestsAndAnswersWithoutAKilledShard) {
  RemoteShard remote(dir_->Join("by-hash/shard-2"));
  ASSERT_TRUE(remote.running());
  const Server whole({"--index", dir_->Join("one")});
  const Server sharded({"--index", MixedShardsFile(remote), "--shard-timeout-ms", "1000"});
  ASSERT_GT(sharded.port(), 0);
  const json full = sharded.Get("/api/search?q=housing&per_page=50");
  const json expected = whole.Get("/api/search?q=housing&per_page=50");
  ASSERT_TRUE(full.contains("total")) << full.dump();
  EXPECT_EQ(expected["total"], full["total"]);
  EXPECT_EQ(expected["facets"], full["facets"]);
  EXPECT_FALSE(full.contains("partial"));

  // Suggestions and article fetch read every shard (the remote one included).
  EXPECT_EQ(whole.Get("/api/suggest?q=hous")["completions"],
            sharded.Get("/api/suggest?q=hous")["completions"]);
  for (const json& hit : expected["hits"]) {
    const std::string path = "/api/articles/" + hit["id"].get<std::string>();
    EXPECT_EQ(whole.Get(path), sharded.Get(path)) << path;
  }

  remote.Kill();
  const auto started = Clock::now();
  int status = 0;
  const json partial = sharded.Get("/api/search?q=housing&per_page=50", &status);
  EXPECT_LT(SecondsSince(started), 15.0);
  EXPECT_EQ(200, status) << partial.dump();
  EXPECT_EQ(true, partial.value("partial", false)) << partial.dump();
  EXPECT_LT(partial["total"].get<uint64_t>(), full["total"].get<uint64_t>());
  EXPECT_GT(partial["total"].get<uint64_t>(), 0u);
  ASSERT_FALSE(partial["notices"].empty());
  EXPECT_NE(std::string::npos, partial["notices"][0].get<std::string>().find("tcp://127.0.0.1"));

  // Configured to fail instead: a clear error naming the shard, at once.
  CommandResult strict =
      RunCommand({BinaryPath("archive-search"), "--shards", dir_->Join("mixed.shards"),
                  "--shard-failure", "fail", "housing"});
  EXPECT_EQ(2, strict.exit_code);
  EXPECT_NE(std::string::npos, strict.err.find("tcp://127.0.0.1")) << strict.err;
}

TEST_F(ShardsTest, AFrozenShardTimesOutAndComesBack) {
  RemoteShard remote(dir_->Join("by-hash/shard-2"));
  ASSERT_TRUE(remote.running());
  const Server sharded({"--index", MixedShardsFile(remote), "--shard-timeout-ms", "1000"});
  const json full = sharded.Get("/api/search?q=housing");
  ASSERT_TRUE(full.contains("total")) << full.dump();

  remote.Freeze();  // connections accepted by the kernel, never answered
  const auto started = Clock::now();
  const json partial = sharded.Get("/api/search?q=housing");
  EXPECT_LT(SecondsSince(started), 15.0);
  EXPECT_EQ(true, partial.value("partial", false)) << partial.dump();
  EXPECT_LT(partial["total"].get<uint64_t>(), full["total"].get<uint64_t>());

  remote.Thaw();  // the server's refresh finds the shard again
  json again;
  for (const auto thawed = Clock::now(); SecondsSince(thawed) < 20.0;) {
    again = sharded.Get("/api/search?q=housing");
    if (!again.value("partial", false)) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  EXPECT_FALSE(again.value("partial", false)) << again.dump();
  EXPECT_EQ(full["total"], again["total"]);
}

}  // namespace
}  // namespace archive
