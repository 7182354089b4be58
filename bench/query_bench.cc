// Query latency over the default sample archive (3,000 articles), as the site's search box
// asks: top 10 with snippets and topic/city facet counts.
//   build/bench/query_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <vector>

#include "bench/sample_index.h"
#include "query/searcher.h"

namespace archive::bench {
namespace {

const query::Searcher& SampleSearcher() {
  static const query::Searcher* searcher =
      query::Searcher::Open({SampleIndexDir(3000)}).value().release();  // never destroyed
  return *searcher;
}

// A mixed set: common and rare words, phrases, fields, filters and browsing.
std::vector<query::SearchRequest> MixedRequests() {
  std::vector<query::SearchRequest> requests;
  for (const char* text :
       {"rent control", "strike", "\"minimum wage\"", "Sāhni", "huelga", "title:union",
        "climate pipeline", "police OR eviction", "", "rent contrl",
        "workers demand safe staffing at the hospital", "year:2016..2018 strike", "NYC"}) {
    query::SearchRequest request;
    request.query = text;
    request.facet_names = {"topic", "city", "year", "author"};
    requests.push_back(request);
  }
  query::SearchRequest filtered;
  filtered.query = "union";
  filtered.topics = {"Labor"};
  filtered.cities = {"Seattle", "Boston"};
  requests.push_back(filtered);
  return requests;
}

double Percentile(std::vector<double> samples, double p) {
  if (samples.empty()) return 0;
  std::sort(samples.begin(), samples.end());
  return samples[static_cast<size_t>(p * static_cast<double>(samples.size() - 1))];
}

void BM_MixedSearch(benchmark::State& state) {
  const query::Searcher& searcher = SampleSearcher();
  const std::vector<query::SearchRequest> requests = MixedRequests();
  std::vector<double> latencies_ms;
  size_t next = 0;
  for (auto _ : state) {
    const auto started = std::chrono::steady_clock::now();
    auto result = searcher.Search(requests[next++ % requests.size()]);
    latencies_ms.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count());
    if (!result.ok()) state.SkipWithError(result.status().ToString().c_str());
    benchmark::DoNotOptimize(result);
  }
  state.counters["p50_ms"] = Percentile(latencies_ms, 0.50);
  state.counters["p99_ms"] = Percentile(latencies_ms, 0.99);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_MixedSearch)->Unit(benchmark::kMillisecond);

void BM_SearchWithoutFacets(benchmark::State& state) {
  const query::Searcher& searcher = SampleSearcher();
  query::SearchRequest request;
  request.query = "rent control";
  request.want_facets = false;
  for (auto _ : state) benchmark::DoNotOptimize(searcher.Search(request));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SearchWithoutFacets)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace archive::bench
