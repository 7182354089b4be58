// archive-search --queries FILE (the batch mode used by bench/run and for TREC runs), run
// as a user runs it on a small generated archive: every line's results carry its qid,
// agree with the same query run alone, honour --format, --limit and --facets; --timing
// reports one latency per query; a malformed line is reported by number and the rest run.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "tests/testing/subprocess.h"
#include "tests/testing/temp_dir.h"

namespace archive {
namespace {

using nlohmann::json;
using test::BinaryPath;
using test::CommandResult;
using test::RunCommand;

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

std::vector<json> JsonLines(const std::string& text) {
  std::vector<json> out;
  for (const std::string& line : Lines(text)) out.push_back(json::parse(line));
  return out;
}

class SearchBatchTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::TempDir();
    const std::string archive = dir_->Join("archive.jsonl");
    index_dir_ = dir_->Join("index");
    CommandResult generate = RunCommand(
        {BinaryPath("archive-corpus"), "--seed", "3", "--articles", "200", "--out", archive});
    ASSERT_EQ(0, generate.exit_code) << generate.err;
    CommandResult update =
        RunCommand({BinaryPath("archive-index"), "update", "--index", index_dir_, archive});
    ASSERT_EQ(0, update.exit_code) << update.err;
    std::ifstream in(archive);
    std::string line;
    while (std::getline(in, line)) {
      json record = json::parse(line);
      if (record.value("kind", "article") == "article" && !record["topics"].empty()) {
        topic_ = record["topics"][0];
        break;
      }
    }
  }
  static void TearDownTestSuite() { delete dir_; }

  std::string WriteQueries(const std::string& name, const std::string& text) {
    const std::string path = dir_->Join(name);
    std::ofstream(path) << text;
    return path;
  }

  CommandResult Search(std::vector<std::string> args) {
    args.insert(args.begin(), {BinaryPath("archive-search"), "--index", index_dir_});
    return RunCommand(args);
  }

  static inline test::TempDir* dir_ = nullptr;
  static inline std::string index_dir_;
  static inline std::string topic_;
};

TEST_F(SearchBatchTest, TrecRunHasEveryQueryInFileOrder) {
  const std::string file = WriteQueries("trec.tsv", "q1\tstrike\nq2\trent control\n");
  CommandResult run =
      Search({"--format", "trec", "--limit", "3", "--run-tag", "tagged", "--queries", file});
  ASSERT_EQ(0, run.exit_code) << run.err;
  const std::regex trec_line(R"((q[12]) Q0 (\S+) ([123]) -?[0-9.]+ tagged)");
  std::vector<std::string> qids;
  for (const std::string& line : Lines(run.out)) {
    std::smatch match;
    ASSERT_TRUE(std::regex_match(line, match, trec_line)) << line;
    qids.push_back(match[1]);
  }
  EXPECT_EQ((std::vector<std::string>{"q1", "q1", "q1", "q2", "q2", "q2"}), qids) << run.out;
}

TEST_F(SearchBatchTest, JsonLinesCarryTheQidAndMatchASingleQuery) {
  const std::string filtered = "topic:\"" + topic_ + "\" city";
  const std::string file =
      WriteQueries("jsonl.tsv", "a\tstrike\nb\t" + filtered + "\nc\t\"rent control\"\n");
  CommandResult batch = Search(
      {"--format", "jsonl", "--limit", "5", "--facets", "topic,city,year", "--queries", file});
  ASSERT_EQ(0, batch.exit_code) << batch.err;
  std::map<std::string, std::vector<std::string>> ids;
  std::map<std::string, json> summaries;
  for (const json& line : JsonLines(batch.out)) {
    ASSERT_TRUE(line.contains("qid")) << line.dump();
    if (line.value("type", "") == "summary") {
      summaries[line["qid"]] = line;
    } else {
      ids[line["qid"]].push_back(line["id"]);
      EXPECT_FALSE(line["snippet"].get<std::string>().empty()) << line.dump();
      if (line["qid"] == "b") {
        EXPECT_NE(line["topics"].dump().find(topic_), std::string::npos) << line.dump();
      }
    }
  }
  ASSERT_EQ(3u, summaries.size());
  for (const auto& [qid, summary] : summaries) {
    for (const char* facet : {"topic", "city", "year"})
      EXPECT_TRUE(summary["facets"].contains(facet)) << qid << " " << summary.dump();
  }
  const std::map<std::string, std::string> queries = {
      {"a", "strike"}, {"b", filtered}, {"c", "\"rent control\""}};
  for (const auto& [qid, query] : queries) {
    CommandResult single =
        Search({"--format", "jsonl", "--limit", "5", "--facets", "topic,city,year", "--", query});
    std::vector<std::string> expected;
    for (const json& line : JsonLines(single.out)) {
      if (line.value("type", "") != "summary") expected.push_back(line["id"]);
    }
    EXPECT_FALSE(expected.empty()) << query;
    EXPECT_EQ(expected, ids[qid]) << query;
    EXPECT_EQ(JsonLines(single.out).back()["total"], summaries[qid]["total"]) << query;
  }
}

TEST_F(SearchBatchTest, MalformedLinesAreReportedByNumberAndTheRestRun) {
  const std::string file =
      WriteQueries("bad.tsv", "ok1\tstrike\nno tab here\n\nempty\t  \nok2\thousing\n\tnoqid\n");
  CommandResult run = Search({"--format", "trec", "--limit", "2", "--timing", "--queries", file});
  EXPECT_EQ(2, run.exit_code);
  EXPECT_NE(std::string::npos, run.err.find(file + ":2: expected qid<TAB>query")) << run.err;
  EXPECT_NE(std::string::npos, run.err.find(file + ":4: empty query")) << run.err;
  EXPECT_NE(std::string::npos, run.err.find(file + ":6: empty qid")) << run.err;
  std::set<std::string> qids;
  for (const std::string& line : Lines(run.out)) qids.insert(line.substr(0, line.find(' ')));
  EXPECT_EQ((std::set<std::string>{"ok1", "ok2"}), qids) << run.out;
}

TEST_F(SearchBatchTest, TimingWritesOneLatencyPerQuery) {
  const std::string file = WriteQueries("timing.tsv", "t1\tstrike\nt2\tzzxqvnowhere\nt3\tcity\n");
  CommandResult run =
      Search({"--limit", "10", "--facets", "topic,city,year", "--timing", "--queries", file});
  ASSERT_EQ(0, run.exit_code) << run.err;
  const std::regex timing_line(R"((t[123])\t([0-9]+))");
  std::vector<std::string> qids;
  for (const std::string& line : Lines(run.err)) {
    std::smatch match;
    ASSERT_TRUE(std::regex_match(line, match, timing_line)) << line;
    qids.push_back(match[1]);
    EXPECT_GT(std::stoll(match[2]), 0) << line;
  }
  EXPECT_EQ((std::vector<std::string>{"t1", "t2", "t3"}), qids);
  // Text output: each query's results under a "== qid<TAB>query" heading.
  EXPECT_NE(std::string::npos, run.out.find("== t1\tstrike\n")) << run.out;
  EXPECT_NE(std::string::npos, run.out.find("== t3\tcity\n")) << run.out;
}

TEST_F(SearchBatchTest, CountAndCsvAreTaggedWithTheQid) {
  const std::string file = WriteQueries("count.tsv", "x\tstrike\ny\tzzxqvnowhere\n");
  CommandResult count = Search({"--count", "--queries", file});
  ASSERT_EQ(0, count.exit_code) << count.err;
  CommandResult single = Search({"--count", "strike"});
  EXPECT_EQ("x\t" + single.out + "y\t0\n", count.out);

  CommandResult csv = Search({"--format", "csv", "--limit", "2", "--queries", file});
  ASSERT_EQ(0, csv.exit_code) << csv.err;
  std::vector<std::string> lines = Lines(csv.out);
  ASSERT_EQ(3u, lines.size()) << csv.out;  // one header, two rows for x, none for y
  EXPECT_EQ(0u, lines[0].find("qid,rank,id,")) << lines[0];
  EXPECT_EQ(0u, lines[1].find("x,1,")) << lines[1];
  EXPECT_EQ(0u, lines[2].find("x,2,")) << lines[2];
}

TEST_F(SearchBatchTest, RefusesWhatABatchCannotDo) {
  const std::string file = WriteQueries("refuse.tsv", "x\tstrike\n");
  EXPECT_EQ(2, Search({"--timing", "strike"}).exit_code);
  EXPECT_EQ(2, Search({"--format", "bibtex", "--queries", file}).exit_code);
  EXPECT_EQ(2, Search({"--queries", file, "strike"}).exit_code);
  CommandResult missing = Search({"--queries", dir_->Join("missing.tsv")});
  EXPECT_EQ(2, missing.exit_code);
  EXPECT_NE(std::string::npos, missing.err.find("missing.tsv")) << missing.err;
}

}  // namespace
}  // namespace archive
