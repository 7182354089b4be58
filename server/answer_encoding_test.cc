// The server's answers that carry search results, compared byte for byte with the
// nlohmann DOM encodings they replaced (built here, independently of output/result_json.h):
// the bytes clients have seen, and must go on seeing.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "server/archive_codec.h"
#include "server/json_codec.h"
#include "server/research_codec.h"

namespace archive::server {
namespace {

using nlohmann::json;

std::string NlohmannDump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

json FacetsDom(const query::SearchResult& result) {
  json facets = json::object();
  for (const auto& [name, counts] : result.facets) {
    json list = json::array();
    for (const query::FacetCount& count : counts)
      list.push_back({{"value", count.value}, {"count", count.count}});
    facets[name] = std::move(list);
  }
  return facets;
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
               {"facets", FacetsDom(result)},
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

query::SearchResult SampleResult() {
  query::SearchResult result;
  for (int n = 1; n <= 4; ++n) result.hits.push_back(MakeHit(n));
  result.total = 237;
  result.total_is_exact = true;
  result.facets["topic"] = {{"Climate", 237}, {"Women's Liberation", 14}};
  result.facets["city"] = {{"St. Louis", 8},
                           {"Montr\xc3\xa9"
                            "al",
                            2},
                           {"bad \xff byte \"quoted\"", 1}};
  result.facets["year"] = {};
  result.generation = 3;
  result.revision = 9;
  return result;
}

TEST(AnswerEncodingTest, SearchAnswerIsTheDomEncodingByteForByte) {
  query::SearchRequest request;
  request.query = "flooding \"construction\" caf\xc3\xa9";
  request.offset = 20;
  request.limit = 10;
  query::SearchResult result = SampleResult();
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

TEST(AnswerEncodingTest, FacetsAnswerIsTheDomEncodingByteForByte) {
  query::SearchResult result = SampleResult();
  const auto dom = [](const query::SearchResult& r) {
    return NlohmannDump({{"facets", FacetsDom(r)},
                         {"articles", r.total},
                         {"generation", r.generation},
                         {"revision", r.revision}});
  };
  EXPECT_EQ(dom(result), EncodeFacets(result));
  EXPECT_EQ(dom(query::SearchResult{}), EncodeFacets({}));
}

json OrNull(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

std::vector<query::HistogramBucket> SampleBuckets() {
  return {{"2016", "", 12, 30, 41000, 7.317073170731707},
          {"2016-03", "Women's \"Liberation\"", 1, 1, 3, 3333.3333333333335},
          {"2017",
           "Montr\xc3\xa9"
           "al \xff",
           0, 0, 0, 0}};
}

TEST(AnswerEncodingTest, HistogramAnswerIsTheDomEncodingByteForByte) {
  HistogramCall call;
  call.request.query = "rent \"control\"";
  call.histogram.split_by = "topic";
  const auto dom = [&call](const std::vector<query::HistogramBucket>& buckets) {
    json list = json::array();
    for (const query::HistogramBucket& b : buckets) {
      list.push_back({{"period", b.period},
                      {"group", OrNull(b.group)},
                      {"documents", b.documents},
                      {"occurrences", b.occurrences},
                      {"words", b.words},
                      {"per_10k_words", b.per_10k_words}});
    }
    const bool by_year = call.histogram.granularity == query::Granularity::kYear;
    return NlohmannDump({{"query", call.request.query},
                         {"by", by_year ? "year" : "month"},
                         {"split", OrNull(call.histogram.split_by)},
                         {"buckets", std::move(list)}});
  };
  EXPECT_EQ(dom(SampleBuckets()), EncodeHistogram(call, SampleBuckets()));
  call.histogram.granularity = query::Granularity::kMonth;
  call.histogram.split_by.clear();
  EXPECT_EQ(dom({}), EncodeHistogram(call, {}));
}

TEST(AnswerEncodingTest, KwicAnswerIsTheDomEncodingByteForByte) {
  KwicCall call;
  call.request.query = "rent";
  call.kwic.max_lines = 2;
  const auto dom = [&call](const std::vector<query::KwicLine>& lines) {
    json list = json::array();
    for (const query::KwicLine& line : lines) {
      list.push_back({{"id", line.id},
                      {"date", OrNull(line.date)},
                      {"left", line.left},
                      {"keyword", line.keyword},
                      {"right", line.right}});
    }
    return NlohmannDump({{"query", call.request.query},
                         {"width", call.kwic.context_words},
                         {"lines", std::move(list)},
                         {"truncated", lines.size() >= call.kwic.max_lines}});
  };
  const std::vector<query::KwicLine> lines = {
      {"sa-1", "2019-03-10", "the \"fight\" for", "Rent", "control\tnow \xe2\x80\xa6"},
      {"sa-2", "", "", "rent\xff", ""}};
  EXPECT_EQ(dom(lines), EncodeKwic(call, lines));
  EXPECT_EQ(dom({lines[0]}), EncodeKwic(call, {lines[0]}));
}

}  // namespace
}  // namespace archive::server
