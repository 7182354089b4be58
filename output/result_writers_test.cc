#include "output/result_writers.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
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

std::string Write(const query::SearchResult& result, Format format,
                  const WriterOptions& options = {}) {
  std::ostringstream out;
  WriteResult(result, format, out, options);
  return out.str();
}

// The nlohmann DOM encodings the json and jsonl writers used before they wrote directly,
// built here independently of output/result_json.h: the bytes scripts have seen.
using nlohmann::json;

std::string Dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
}

json HitDom(const query::Hit& hit) {
  return {{"id", hit.id},           {"rank", hit.rank},       {"score", hit.score},
          {"title", hit.title},     {"date", hit.date},       {"issue", hit.issue},
          {"topics", hit.topics},   {"cities", hit.cities},   {"url", hit.url},
          {"authors", hit.authors}, {"snippet", hit.snippet}, {"kind", hit.kind},
          {"lang", hit.lang},       {"summary", hit.summary}};
}

json SummaryDom(const query::SearchResult& result) {
  json facets = json::object();
  for (const auto& [name, counts] : result.facets) {
    facets[name] = json::array();
    for (const auto& c : counts) facets[name].push_back({{"value", c.value}, {"count", c.count}});
  }
  json summary = {{"total", result.total},
                  {"total_is_exact", result.total_is_exact},
                  {"facets", facets},
                  {"estimated_facets", result.estimated_facets},
                  {"suggestion", result.suggestion},
                  {"corrected_query", result.corrected_query},
                  {"relaxed", result.relaxed},
                  {"notices", result.notices},
                  {"generation", result.generation},
                  {"revision", result.revision}};
  if (!result.explanation.empty()) summary["explanation"] = result.explanation;
  if (result.partial) summary["partial"] = true;
  return summary;
}

std::string JsonDom(const query::SearchResult& result, const WriterOptions& options) {
  json body = SummaryDom(result);
  if (options.with_qid) body["qid"] = options.qid;
  body["hits"] = json::array();
  for (const query::Hit& hit : result.hits) body["hits"].push_back(HitDom(hit));
  return Dump(body);
}

std::string JsonLinesDom(const query::SearchResult& result, const WriterOptions& options) {
  std::string lines;
  for (const query::Hit& hit : result.hits) {
    json line = HitDom(hit);
    if (options.with_qid) line["qid"] = options.qid;
    lines += Dump(line);
  }
  json summary = {{"type", "summary"}};
  if (options.with_qid) summary["qid"] = options.qid;
  summary.update(SummaryDom(result));
  return lines + Dump(summary);
}

// Sample() with what the JSON encodings treat specially: escapes, bad UTF-8, an unknown
// issue, facets, and every optional member of the summary.
query::SearchResult RichSample() {
  query::SearchResult result = Sample();
  query::Hit second = result.hits[0];
  second.id = "sa-2";
  second.rank = 2;
  second.score = 0.1 + 0.2;
  second.issue = 0;
  second.date.clear();
  second.kind = "article";
  second.summary = "tab\t, newline\n, \x01 and a bad \xc3 byte";
  second.snippet =
      "\xe2\x80\xa6<mark>rent</mark> \xe2\x80\x9c"
      "control\xe2\x80\x9d";
  second.cities.clear();
  result.hits.push_back(second);
  result.total = 1234567;
  result.facets["topic"] = {{"Housing", 40}, {"Women's \"Liberation\"", 3}};
  result.facets["city"] = {
      {"Montr\xc3\xa9"
       "al",
       2}};
  result.facets["year"] = {};
  result.estimated_facets = {"city"};
  result.suggestion = "rent control";
  result.corrected_query = "rent control";
  result.relaxed = true;
  result.notices = {"Showing results for \"rent control\""};
  result.generation = 4;
  result.revision = 17;
  result.explanation = "Query((Zrent@1 AND Zcontrol@2))";
  result.partial = true;
  return result;
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
  std::string whole = Write(result, Format::kJson);
  EXPECT_NE(std::string::npos, whole.find("\"hits\":[{"));
}

TEST(ResultWritersTest, JsonAndJsonLinesAreTheDomEncodingsByteForByte) {
  WriterOptions batch;
  batch.with_qid = true;
  batch.qid = "q\"7";
  for (const query::SearchResult& result : {Sample(), RichSample(), query::SearchResult{}}) {
    for (const WriterOptions& options : {WriterOptions{}, batch}) {
      EXPECT_EQ(JsonDom(result, options), Write(result, Format::kJson, options));
      EXPECT_EQ(JsonLinesDom(result, options), Write(result, Format::kJsonl, options));
    }
  }
}

// The research writers' json and jsonl against the DOM encodings they used before.
TEST(ResultWritersTest, HistogramAndKwicJsonAreTheDomEncodingsByteForByte) {
  const std::vector<query::HistogramBucket> buckets = {
      {"2016", "", 12, 30, 41000, 7.317073170731707},
      {"2016-03", "Women's \"Liberation\" \xff", 1, 1, 3, 3333.3333333333335}};
  const std::vector<query::KwicLine> lines = {
      {"sa-1", "2019-03-10", "the \"fight\" for", "Rent", "control\tnow \xe2\x80\xa6"},
      {"sa-2", "", "", "rent\xff", ""}};
  json histogram = json::array(), kwic = json::array();
  std::string histogram_lines, kwic_lines;
  for (const query::HistogramBucket& b : buckets) {
    histogram.push_back({{"period", b.period},
                         {"group", b.group},
                         {"documents", b.documents},
                         {"occurrences", b.occurrences},
                         {"words", b.words},
                         {"per_10k_words", b.per_10k_words}});
    histogram_lines += Dump(histogram.back());
  }
  for (const query::KwicLine& l : lines) {
    kwic.push_back({{"id", l.id},
                    {"date", l.date},
                    {"left", l.left},
                    {"keyword", l.keyword},
                    {"right", l.right}});
    kwic_lines += Dump(kwic.back());
  }
  const auto written = [](auto write, Format format) {
    std::ostringstream out;
    write(format, out);
    return out.str();
  };
  const auto write_histogram = [&](Format f, std::ostream& o) { WriteHistogram(buckets, f, o); };
  const auto write_kwic = [&](Format f, std::ostream& o) { WriteKwic(lines, f, o, 20); };
  EXPECT_EQ(Dump({{"histogram", histogram}}), written(write_histogram, Format::kJson));
  EXPECT_EQ(histogram_lines, written(write_histogram, Format::kJsonl));
  EXPECT_EQ(Dump({{"kwic", kwic}}), written(write_kwic, Format::kJson));
  EXPECT_EQ(kwic_lines, written(write_kwic, Format::kJsonl));
  std::ostringstream empty;
  WriteKwic({}, Format::kJson, empty, 20);
  EXPECT_EQ("{\"kwic\":[]}\n", empty.str());
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
