#include "server/json_writer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>

#include "output/facets_json.h"
#include "server/json_codec.h"

namespace archive::server {
namespace {

using nlohmann::json;

std::string NlohmannDump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string Written(std::string_view text) {
  std::string out;
  AppendJsonString(text, out);
  return out;
}

TEST(JsonWriterTest, StringsAreNlohmannsBytes) {
  const std::string cases[] = {
      "",
      "plain",
      "quote \" backslash \\ slash /",
      std::string("nul \0 bell \a bs \b ff \f nl \n cr \r tab \t esc \x1b", 42),
      "del \x7f",
      "caf\xc3\xa9 \xe2\x80\xa6 \xe2\x80\x9cquoted\xe2\x80\x9d \xf0\x9f\x93\xb0",
      "lone \xff byte",
      "cut \xe2\x80",
      "overlong \xc0\xaf and \xe0\x80\xaf",
      "surrogate \xed\xa0\x80",
      "too high \xf4\x90\x80\x80",
      "max \xf4\x8f\xbf\xbf",
      "continuation alone \x80 x"};
  for (const std::string& text : cases) EXPECT_EQ(NlohmannDump(json(text)), Written(text)) << text;
}

TEST(JsonWriterTest, RandomBytesAreNlohmannsBytes) {
  std::mt19937 random(7);
  // Bytes biased towards the interesting ones: controls, quotes, UTF-8 leads and tails.
  const std::string alphabet = std::string("\x00\x01\x1f \"\\/aZ\x7f", 11) +
                               "\x80\xbf\xc2\xdf\xe0\xed\xef\xf0\xf4\xf5\xa0\x9f\x90\x8f";
  for (int round = 0; round < 20000; ++round) {
    std::string text(random() % 12, ' ');
    for (char& c : text) c = alphabet[random() % alphabet.size()];
    ASSERT_EQ(NlohmannDump(json(text)), Written(text)) << "round " << round;
  }
}

TEST(JsonWriterTest, NumbersAndStructure) {
  std::string out;
  JsonWriter writer(out);
  writer.BeginObject();
  writer.Key("a");
  writer.BeginArray();
  writer.Double(8.769557224557449);
  writer.Double(0.1);
  writer.Double(1e-7);
  writer.Double(1e21);
  writer.Double(2.0);
  writer.Double(std::numeric_limits<double>::quiet_NaN());
  writer.Uint(std::numeric_limits<uint64_t>::max());
  writer.Int(-3);
  writer.EndArray();
  writer.Key("b");
  writer.BeginObject();
  writer.EndObject();
  writer.Key("c");
  writer.Strings({"x", "y"});
  writer.Key("d");
  writer.StringOrNull("");
  writer.Key("e");
  writer.Bool(false);
  writer.EndObject();
  const json expected = {
      {"a",
       {8.769557224557449, 0.1, 1e-7, 1e21, 2.0, std::numeric_limits<double>::quiet_NaN(),
        std::numeric_limits<uint64_t>::max(), -3}},
      {"b", json::object()},
      {"c", {"x", "y"}},
      {"d", nullptr},
      {"e", false}};
  EXPECT_EQ(NlohmannDump(expected), out);
}

// The DOM encoding EncodeSearchResult used before it wrote its answer directly: the
// bytes clients have seen, and must go on seeing.
std::string DomEncoding(const query::SearchRequest& request, const query::SearchResult& result,
                        double took_ms) {
  json hits = json::array();
  for (const query::Hit& hit : result.hits) {
    hits.push_back({{"id", hit.id},
                    {"title", hit.title},
                    {"title_highlighted", hit.title_highlighted},
                    {"url", hit.url},
                    {"date", hit.date},
                    {"issue", hit.issue > 0 ? json(hit.issue) : json(nullptr)},
                    {"authors", hit.authors},
                    {"topics", hit.topics},
                    {"cities", hit.cities},
                    {"score", hit.score},
                    {"snippet", hit.snippet}});
  }
  const auto or_null = [](const std::string& text) {
    return text.empty() ? json(nullptr) : json(text);
  };
  json body = {{"query", request.query},
               {"hits", std::move(hits)},
               {"total", result.total},
               {"total_is_exact", result.total_is_exact},
               {"page", request.limit == 0 ? 1 : request.offset / request.limit + 1},
               {"per_page", request.limit},
               {"facets", output::FacetsJson(result)},
               {"facets_estimated", result.estimated_facets},
               {"suggestion", or_null(result.suggestion)},
               {"corrected_query", or_null(result.corrected_query)},
               {"took_ms", took_ms},
               {"generation", result.generation},
               {"revision", result.revision}};
  if (result.partial) {
    body["partial"] = true;
    body["notices"] = result.notices;
  }
  return NlohmannDump(body);
}

query::Hit MakeHit(int n) {
  query::Hit hit;
  hit.id = "sa-2023-08-0120-0" + std::to_string(n);
  hit.score = 8.769557224557449 / n;
  hit.title = "Fossil fuel giants \"profit\" as the planet burns";
  hit.title_highlighted = "Fossil <mark>fuel</mark> giants";
  hit.url = "https://example.org/2023/08/13/fossil/";
  hit.date = n % 2 ? "2023-08-13" : "";
  hit.issue = n % 3 ? 120 : 0;
  hit.authors = {"Leila Quintero", "Rosa W\xc3\xb3jcik"};
  hit.topics = {"Climate"};
  hit.cities = n % 2 ? std::vector<std::string>{"Memphis", "Jackson"} : std::vector<std::string>{};
  hit.snippet =
      "\xe2\x80\xa6"
      "chained <mark>construction</mark> site.\n\t\xe2\x80\x9cNo\xe2\x80\x9d \xff";
  return hit;
}

TEST(JsonWriterTest, SearchResultIsTheDomEncodingByteForByte) {
  query::SearchRequest request;
  request.query = "flooding \"construction\" caf\xc3\xa9";
  request.offset = 20;
  request.limit = 10;
  query::SearchResult result;
  for (int n = 1; n <= 4; ++n) result.hits.push_back(MakeHit(n));
  result.total = 237;
  result.total_is_exact = true;
  result.facets["topic"] = {{"Climate", 237}, {"Women's Liberation", 14}};
  result.facets["city"] = {{"St. Louis", 8},
                           {"Montr\xc3\xa9"
                            "al",
                            2}};
  result.facets["year"] = {};
  result.generation = 3;
  result.revision = 9;
  EXPECT_EQ(DomEncoding(request, result, 243.110842),
            EncodeSearchResult(request, result, 243.110842));

  result.suggestion = "flooding construction";
  result.corrected_query = "flooding construction";
  result.estimated_facets = {"city", "topic"};
  result.partial = true;
  result.notices = {"shard b unreachable"};
  request.limit = 0;
  EXPECT_EQ(DomEncoding(request, result, 0.5), EncodeSearchResult(request, result, 0.5));

  EXPECT_EQ(DomEncoding(request, query::SearchResult{}, 0), EncodeSearchResult(request, {}, 0));
}

}  // namespace
}  // namespace archive::server
