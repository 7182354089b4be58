#include "output/result_writers.h"

#include <gtest/gtest.h>

#include <sstream>

namespace archive::output {
namespace {

query::SearchResult Sample() {
  query::SearchResult result;
  query::Hit hit;
  hit.id = "sa-1";
  hit.rank = 1;
  hit.score = 2.5;
  hit.title = "Rent, \"control\" & $15";
  hit.date = "2019-03-10";
  hit.issue = 42;
  hit.authors = {"Ana Ruiz", "Ben Cole"};
  hit.topics = {"Housing"};
  hit.cities = {"Seattle"};
  hit.url = "https://example.org/a";
  hit.lang = "en";
  result.hits.push_back(hit);
  result.total = 1;
  return result;
}

std::string Write(const query::SearchResult& result, Format format) {
  std::ostringstream out;
  WriteResult(result, format, out);
  return out.str();
}

TEST(ResultWritersTest, ParsesEveryFormatName) {
  for (const std::string& name : FormatNames()) EXPECT_TRUE(ParseFormat(name).ok()) << name;
  EXPECT_FALSE(ParseFormat("xml").ok());
}

TEST(ResultWritersTest, CsvQuotesFieldsThatNeedIt) {
  std::string csv = Write(Sample(), Format::kCsv);
  EXPECT_NE(std::string::npos, csv.find("\"Rent, \"\"control\"\" & $15\""));
  EXPECT_NE(std::string::npos, csv.find("Ana Ruiz; Ben Cole"));
  EXPECT_EQ(0u, csv.find("rank,id,title"));
}

TEST(ResultWritersTest, JsonLinesEndsWithASummary) {
  query::SearchResult result = Sample();
  std::string plain = Write(result, Format::kJsonl);
  EXPECT_EQ(2, std::count(plain.begin(), plain.end(), '\n'));  // one hit, then the summary
  EXPECT_NE(std::string::npos, plain.find("\"type\":\"summary\""));
  result.notices.push_back("showing results for x");
  std::string with = Write(result, Format::kJsonl);
  EXPECT_EQ(2, std::count(with.begin(), with.end(), '\n'));
  EXPECT_NE(std::string::npos, with.find("showing results for x"));
  std::string json = Write(result, Format::kJson);
  EXPECT_NE(std::string::npos, json.find("\"hits\":[{"));
}

TEST(ResultWritersTest, ReferenceFormats) {
  std::string bib = Write(Sample(), Format::kBibtex);
  EXPECT_NE(std::string::npos, bib.find("@article{sa-1,"));
  EXPECT_NE(std::string::npos, bib.find("author = {Ana Ruiz and Ben Cole}"));
  EXPECT_NE(std::string::npos, bib.find("\\& \\$15"));
  std::string ris = Write(Sample(), Format::kRis);
  EXPECT_NE(std::string::npos, ris.find("TY  - NEWS\r\n"));
  EXPECT_NE(std::string::npos, ris.find("AU  - Ben Cole\r\n"));
  EXPECT_NE(std::string::npos, ris.find("DA  - 2019/03/10\r\n"));
  EXPECT_NE(std::string::npos, ris.find("ER  - "));
  EXPECT_EQ("1 Q0 sa-1 1 2.500000 archive-search\n", Write(Sample(), Format::kTrec));
}

}  // namespace
}  // namespace archive::output
