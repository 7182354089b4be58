// The whole path as a user walks it: generate a sample archive, index it with
// archive-index, search it with archive-search, and query archive-server over HTTP on
// 127.0.0.1. Expected hits and facet counts are computed by brute force from the
// generated records, the generator's ground truth.
#include <gtest/gtest.h>
#include <httplib.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "tests/testing/subprocess.h"
#include "tests/testing/temp_dir.h"

namespace archive {
namespace {

using nlohmann::json;
using test::BinaryPath;
using test::RunCommand;

constexpr int kArticles = 400;

std::vector<json> ReadRecords(const std::string& path) {
  std::ifstream in(path);
  std::vector<json> records;
  std::string line;
  while (std::getline(in, line)) records.push_back(json::parse(line));
  return records;
}

// The hits of archive-search's JSON Lines output; its last line, the summary, is checked
// and left out.
std::vector<json> ParseJsonLines(const std::string& text) {
  std::vector<json> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) lines.push_back(json::parse(line));
  }
  EXPECT_FALSE(lines.empty());
  if (lines.empty()) return lines;
  EXPECT_EQ("summary", lines.back().value("type", "")) << lines.back().dump();
  EXPECT_GE(lines.back().value("total", size_t{0}), lines.size() - 1);
  lines.pop_back();
  return lines;
}

bool Contains(const json& list, const std::string& value) {
  for (const json& item : list) {
    if (item == value) return true;
  }
  return false;
}

std::map<std::string, uint64_t> FacetMap(const json& counts) {
  std::map<std::string, uint64_t> out;
  for (const json& entry : counts) out[entry["value"]] = entry["count"];
  return out;
}

// One archive, one index, shared by every test of this file (built once: it is the
// slow part).
class EndToEndTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::TempDir();
    archive_path_ = dir_->Join("archive.jsonl");
    index_dir_ = dir_->Join("index");
    generate_ = RunCommand({BinaryPath("archive-corpus"), "--seed", "7", "--articles",
                            std::to_string(kArticles), "--out", archive_path_});
    first_update_ = RunCommand(
        {BinaryPath("archive-index"), "update", "--index", index_dir_, "--json", archive_path_});
    records_ = new std::vector<json>(ReadRecords(archive_path_));
    for (const json& record : *records_) {
      if (record.value("kind", "article") == "article") articles_.push_back(record);
    }
  }
  static void TearDownTestSuite() {
    delete records_;
    delete dir_;
    articles_.clear();
  }

  static std::vector<const json*> ArticlesWhere(const std::string& field,
                                                const std::string& value) {
    std::vector<const json*> out;
    for (const json& article : articles_) {
      if (Contains(article.value(field, json::array()), value)) out.push_back(&article);
    }
    return out;
  }

  static inline test::TempDir* dir_ = nullptr;
  static inline std::string archive_path_;
  static inline std::string index_dir_;
  static inline test::CommandResult generate_;
  static inline test::CommandResult first_update_;
  static inline std::vector<json>* records_ = nullptr;
  static inline std::vector<json> articles_;
};

TEST_F(EndToEndTest, GeneratesAndIndexesEveryRecord) {
  ASSERT_EQ(0, generate_.exit_code) << generate_.err;
  EXPECT_EQ(kArticles, static_cast<int>(articles_.size()));
  ASSERT_EQ(0, first_update_.exit_code) << first_update_.err;
  json summary = json::parse(first_update_.out);
  EXPECT_EQ(records_->size(), summary["added"].get<size_t>());
  EXPECT_EQ(0, summary["rejected"]);
  EXPECT_EQ(1, summary["generation"]);
  EXPECT_EQ(1, summary["revision"]);
}

TEST_F(EndToEndTest, UpdatingAgainChangesNothing) {
  test::CommandResult again = RunCommand(
      {BinaryPath("archive-index"), "update", "--index", index_dir_, "--json", archive_path_});
  ASSERT_EQ(0, again.exit_code) << again.err;
  json summary = json::parse(again.out);
  EXPECT_EQ(0, summary["added"]);
  EXPECT_EQ(0, summary["changed"]);
  EXPECT_EQ(records_->size(), summary["unchanged"].get<size_t>());
  EXPECT_EQ(1, summary["revision"]);
}

TEST_F(EndToEndTest, CliTopicFilterReturnsExactlyThePlantedArticles) {
  const std::string topic = articles_.front()["topics"][0];
  test::CommandResult run = RunCommand({BinaryPath("archive-search"), "--index", index_dir_,
                                        "--format", "jsonl", "--limit", "1000", "--topic", topic});
  ASSERT_EQ(0, run.exit_code) << run.err;
  std::set<std::string> found;
  for (const json& hit : ParseJsonLines(run.out)) {
    found.insert(hit["id"]);
    EXPECT_TRUE(Contains(hit["topics"], topic)) << hit.dump();
  }
  std::set<std::string> expected;
  for (const json* article : ArticlesWhere("topics", topic)) expected.insert((*article)["id"]);
  EXPECT_EQ(expected, found);
}

TEST_F(EndToEndTest, CliFindsAnArticleByItsHeadline) {
  // A headline no other article shares, typed as a phrase, must come first.
  std::map<std::string, int> title_uses;
  for (const json& article : articles_) ++title_uses[article["title"]];
  const json* target = nullptr;
  for (const json& article : articles_) {
    if (title_uses[article["title"]] == 1 && article["lang"] == "en") {
      target = &article;
      break;
    }
  }
  ASSERT_NE(nullptr, target);
  const std::string title = (*target)["title"];
  test::CommandResult run = RunCommand({BinaryPath("archive-search"), "--index", index_dir_,
                                        "--format", "jsonl", "--", "\"" + title + "\""});
  ASSERT_EQ(0, run.exit_code) << title << "\n" << run.err;
  std::vector<json> hits = ParseJsonLines(run.out);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ((*target)["id"], hits[0]["id"]) << title;
  EXPECT_EQ(1, hits[0]["rank"]);
  // The archive may give a time of day (ISO 8601); results carry the date.
  EXPECT_EQ((*target)["date"].get<std::string>().substr(0, 10), hits[0]["date"]);
  EXPECT_FALSE(hits[0]["snippet"].get<std::string>().empty());
}

TEST_F(EndToEndTest, CliFilterOptionsTakeOneValueEach) {
  // The word after "--topic T" is the query, not a second topic: nothing matches it.
  const std::string topic = articles_.front()["topics"][0];
  test::CommandResult run = RunCommand({BinaryPath("archive-search"), "--index", index_dir_,
                                        "--topic", topic, "zzxqvwordthatisnowhere"});
  EXPECT_EQ(1, run.exit_code) << run.out << run.err;
}

TEST_F(EndToEndTest, CliWithoutHitsExitsOne) {
  test::CommandResult run = RunCommand(
      {BinaryPath("archive-search"), "--index", index_dir_, "--", "zzxqvwordthatisnowhere"});
  EXPECT_EQ(1, run.exit_code) << run.err;
  test::CommandResult missing =
      RunCommand({BinaryPath("archive-search"), "--index", dir_->Join("missing"), "strike"});
  EXPECT_EQ(2, missing.exit_code);
  EXPECT_NE(std::string::npos, missing.err.find("missing")) << missing.err;
}

TEST_F(EndToEndTest, HttpFacetCountsMatchTheArchive) {
  test::ChildProcess server(
      {BinaryPath("archive-server"), "--index", index_dir_, "--bind", "127.0.0.1", "--port", "0"});
  const std::string banner = server.ReadLine();
  const size_t colon = banner.rfind(':');
  ASSERT_NE(std::string::npos, colon) << banner;
  const int port = std::stoi(banner.substr(colon + 1));
  httplib::Client client("127.0.0.1", port);

  // Browsing everything: totals and facet counts over the whole archive.
  httplib::Result all = client.Get("/api/search?q=&per_page=5");
  ASSERT_TRUE(all) << httplib::to_string(all.error());
  ASSERT_EQ(200, all->status) << all->body;
  json body = json::parse(all->body);
  EXPECT_EQ(articles_.size(), body["total"].get<size_t>());
  std::map<std::string, uint64_t> topic_counts;
  std::map<std::string, uint64_t> city_counts;
  for (const json& article : articles_) {
    for (const json& topic : article["topics"]) ++topic_counts[topic];
    for (const json& city : article["cities"]) ++city_counts[city];
  }
  EXPECT_EQ(topic_counts, FacetMap(body["facets"]["topic"]));
  EXPECT_EQ(city_counts, FacetMap(body["facets"]["city"]));

  // Ticking a topic: the total and the city counts narrow to it; the topic counts stay
  // as they were (disjunctive facets).
  const std::string topic = articles_.front()["topics"][0];
  httplib::Params params{{"q", ""}, {"topic", topic}, {"per_page", "100"}};
  httplib::Result filtered = client.Get("/api/search", params, httplib::Headers());
  ASSERT_TRUE(filtered);
  ASSERT_EQ(200, filtered->status) << filtered->body;
  json narrowed = json::parse(filtered->body);
  std::vector<const json*> planted = ArticlesWhere("topics", topic);
  EXPECT_EQ(planted.size(), narrowed["total"].get<size_t>());
  std::map<std::string, uint64_t> cities_in_topic;
  for (const json* article : planted) {
    for (const json& city : (*article)["cities"]) ++cities_in_topic[city];
  }
  EXPECT_EQ(cities_in_topic, FacetMap(narrowed["facets"]["city"]));
  EXPECT_EQ(topic_counts, FacetMap(narrowed["facets"]["topic"]));
  for (const json& hit : narrowed["hits"]) EXPECT_TRUE(Contains(hit["topics"], topic));

  // A city that the generator says an article reports from is found by a text query.
  const std::string city = articles_.back()["cities"][0];
  httplib::Params city_query{{"q", "\"" + city + "\""}, {"city", city}};
  httplib::Result by_city = client.Get("/api/search", city_query, httplib::Headers());
  ASSERT_TRUE(by_city);
  json city_body = json::parse(by_city->body);
  EXPECT_EQ(ArticlesWhere("cities", city).size(), city_body["total"].get<size_t>()) << city;
  ASSERT_FALSE(city_body["hits"].empty());
  EXPECT_NE(std::string::npos, city_body["hits"][0]["snippet"].get<std::string>().find("<mark>"));

  // A bad parameter is the client's error, named.
  httplib::Result bad = client.Get("/api/search?q=strike&per_page=1000");
  ASSERT_TRUE(bad);
  EXPECT_EQ(400, bad->status);
  EXPECT_EQ("invalid_parameter", json::parse(bad->body)["error"]["code"]);
  EXPECT_EQ(0, server.Stop());
}

}  // namespace
}  // namespace archive
