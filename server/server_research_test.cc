// The research routes against the real server: histogram, keyword in context and the
// streamed export in each format; each error and limit.
#include <sstream>

#include "server/research_codec.h"
#include "server/testing/server_fixture.h"

namespace archive::server::test {
namespace {

using ServerResearchTest = ServerFixture;

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST_F(ServerResearchTest, HistogramCountsUseOverTime) {
  json body = GetJson("/api/histogram?q=rent&by=year");
  EXPECT_EQ("year", body["by"]);
  ASSERT_EQ(2u, body["buckets"].size());
  EXPECT_EQ("2019", body["buckets"][0]["period"]);
  EXPECT_EQ(1, body["buckets"][0]["documents"]);
  EXPECT_GT(body["buckets"][0]["per_10k_words"].get<double>(), 0);
  json months = GetJson("/api/histogram?q=strike&by=month&split=city");
  EXPECT_EQ("month", months["by"]);
  // Every period with articles has a bucket (its words are the denominator), matched or not.
  bool found = false;
  for (const json& bucket : months["buckets"]) {
    if (bucket["period"] == "2020-01" && bucket["group"] == "Boston")
      found = bucket["documents"] == 1;
  }
  EXPECT_TRUE(found) << months;
  EXPECT_EQ("invalid_parameter", GetJson("/api/histogram?by=week", 400)["error"]["code"]);
  GetJson("/api/histogram?split=author", 400);
  GetJson("/api/histogram?from=2021&to=2020", 400);
}

TEST_F(ServerResearchTest, KwicShowsEachOccurrence) {
  json body = GetJson("/api/kwic?q=strike&width=2");
  ASSERT_FALSE(body["lines"].empty());
  for (const json& line : body["lines"]) EXPECT_FALSE(line["keyword"].get<std::string>().empty());
  EXPECT_EQ(2, body["width"]);
  EXPECT_EQ(1u, GetJson("/api/kwic?q=strike&limit=1")["lines"].size());
  EXPECT_TRUE(GetJson("/api/kwic?q=strike&limit=1")["truncated"]);
  const char* bad[] = {"",
                       "q=",
                       "q=strike&width=0",
                       "q=strike&width=51",
                       "q=strike&limit=1001",
                       "q=strike&order=up"};
  for (const char* query : bad)
    EXPECT_EQ("invalid_parameter", GetJson(std::string("/api/kwic?") + query, 400)["error"]["code"])
        << query;
}

TEST_F(ServerResearchTest, ExportStreamsEveryHitAsAnAttachment) {
  httplib::Result result = Client().Get("/api/export?format=csv&sort=oldest");
  ASSERT_TRUE(result);
  EXPECT_EQ(200, result->status);
  EXPECT_EQ("text/csv; charset=utf-8", result->get_header_value("Content-Type"));
  EXPECT_EQ("attachment; filename=\"archive-export.csv\"",
            result->get_header_value("Content-Disposition"));
  EXPECT_EQ("chunked", result->get_header_value("Transfer-Encoding"));
  const std::vector<std::string> rows = Lines(result->body);
  ASSERT_EQ(4u, rows.size());  // header and three articles
  EXPECT_NE(std::string::npos, rows[1].find("a1"));
  EXPECT_NE(std::string::npos, rows[3].find("a3"));
}

TEST_F(ServerResearchTest, ExportFormatsAndLimit) {
  httplib::Result jsonl = Client().Get("/api/export?q=strike");
  ASSERT_TRUE(jsonl);
  std::vector<std::string> lines = Lines(jsonl->body);
  ASSERT_EQ(3u, lines.size());  // two hits, then the summary line
  EXPECT_EQ("summary", json::parse(lines.back())["type"]);
  EXPECT_EQ(2u, Lines(Client().Get("/api/export?limit=1")->body).size());
  httplib::Result bibtex = Client().Get("/api/export?format=bibtex");
  ASSERT_TRUE(bibtex);
  EXPECT_NE(std::string::npos, bibtex->body.find("@article"));
  httplib::Result ris = Client().Get("/api/export?format=ris&topic=Labor");
  ASSERT_TRUE(ris);
  EXPECT_NE(std::string::npos, ris->body.find("TY  -"));
  const char* bad[] = {"format=json",  "format=trec", "limit=0",
                       "limit=100001", "sort=random", "from=x"};
  for (const char* query : bad)
    EXPECT_EQ("invalid_parameter",
              GetJson(std::string("/api/export?") + query, 400)["error"]["code"])
        << query;
}

}  // namespace
}  // namespace archive::server::test
