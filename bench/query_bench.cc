// Query-side benchmarks over a real index: latency of the mixed query set in two modes
// (top 10 only; top 10 with snippets and exact topic/city/year counts), and the parts of
// a search on their own: analysis, document building, query building, snippets, facet
// counting, JSON encoding. The index is the 3,000-article sample built in-process, or
// $ARCHIVE_BENCH_INDEX (docs/query-performance.md says how the 100k figures were made).
//   build/bench/query_bench --benchmark_counters_tabular=true
//   ARCHIVE_BENCH_INDEX=/tmp/q100k-index build/bench/query_bench --benchmark_filter=Latency
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <sstream>
#include <vector>

#include "bench/sample_index.h"
#include "core/analyzer.h"
#include "core/index_layout.h"
#include "corpus/sample_generator.h"
#include "indexer/document_builder.h"
#include "output/result_writers.h"
#include "query/query_builder.h"
#include "query/searcher.h"
#include "query/snippet.h"
#include "query/synonyms.h"

namespace archive::bench {
namespace {

constexpr size_t kMixedQueries = 1000;

const query::Searcher& BenchSearcher() {
  static const query::Searcher* searcher =
      query::Searcher::Open({BenchIndexDir()}).value().release();  // never destroyed
  return *searcher;
}

const Analyzer& SharedAnalyzer() {
  static const Analyzer analyzer = Analyzer::Create().value();
  return analyzer;
}

// A few hundred generated articles, for the benchmarks that need text.
const std::vector<Article>& SampleArticles() {
  static const std::vector<Article> articles = [] {
    std::vector<Article> out;
    corpus::SampleGenerator generator({2, 200, false});
    Article article;
    while (generator.Next(&article)) {
      if (article.kind == "article") out.push_back(article);
    }
    return out;
  }();
  return articles;
}

enum class Mode { kTop10, kFull };

std::vector<query::SearchRequest> MixedRequests(Mode mode) {
  std::vector<query::SearchRequest> requests;
  for (const BenchQuery& q : MixedQueries(kMixedQueries)) {
    query::SearchRequest request;
    request.query = q.text;
    if (!q.topic.empty()) request.topics = {q.topic};
    if (!q.city.empty()) request.cities = {q.city};
    if (mode == Mode::kTop10) {
      request.want_facets = false;
      request.snippet_words = 0;
    } else {
      request.facet_names = {"topic", "city", "year"};
    }
    requests.push_back(std::move(request));
  }
  return requests;
}

// This thread's CPU time: on a machine shared with other jobs, wall-clock latency mostly
// measures the queue for the cores; CPU time is what a query itself costs.
double ThreadCpuMs() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

double Percentile(std::vector<double> samples, double p) {
  if (samples.empty()) return 0;
  std::sort(samples.begin(), samples.end());
  return samples[static_cast<size_t>(p * static_cast<double>(samples.size() - 1))];
}

// One iteration is one query of the mixed set, in order, round and round; run it long
// enough (--benchmark_min_time=30) that every query runs at least once.
void BM_MixedLatency(benchmark::State& state) {
  const query::Searcher& searcher = BenchSearcher();
  const std::vector<query::SearchRequest> requests =
      MixedRequests(state.range(0) == 0 ? Mode::kTop10 : Mode::kFull);
  std::vector<double> latencies_ms, cpu_ms;
  size_t next = 0, hits = 0, estimated = 0;
  for (auto _ : state) {
    const auto started = std::chrono::steady_clock::now();
    const double cpu_started = ThreadCpuMs();
    auto result = searcher.Search(requests[next++ % requests.size()]);
    cpu_ms.push_back(ThreadCpuMs() - cpu_started);
    latencies_ms.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count());
    if (!result.ok()) {
      state.SkipWithError(result.status().ToString().c_str());
      break;
    }
    hits += result->hits.size();
    estimated += !result->estimated_facets.empty();
    benchmark::DoNotOptimize(result);
  }
  state.counters["p50_ms"] = Percentile(latencies_ms, 0.50);
  state.counters["p95_ms"] = Percentile(latencies_ms, 0.95);
  state.counters["p99_ms"] = Percentile(latencies_ms, 0.99);
  state.counters["cpu_p50_ms"] = Percentile(cpu_ms, 0.50);
  state.counters["cpu_p95_ms"] = Percentile(cpu_ms, 0.95);
  state.counters["cpu_p99_ms"] = Percentile(cpu_ms, 0.99);
  state.counters["hits"] = static_cast<double>(hits);
  state.counters["estimated"] = static_cast<double>(estimated);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_MixedLatency)->ArgName("full")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// Facet counting alone (count only: no hits, no snippets) over a large and a small match
// set: everything, and one common word.
void BM_FacetCounting(benchmark::State& state) {
  const query::Searcher& searcher = BenchSearcher();
  query::SearchRequest request;
  request.query = state.range(0) == 0 ? "" : "workers";
  request.count_only = true;
  request.facet_names = {"topic", "city", "year"};
  uint64_t total = 0;
  for (auto _ : state) {
    auto result = searcher.Search(request);
    if (!result.ok()) {
      state.SkipWithError(result.status().ToString().c_str());
      break;
    }
    total = result->total;
  }
  state.counters["matches"] = static_cast<double>(total);
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(total));
}
BENCHMARK(BM_FacetCounting)->ArgName("word")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// The worst cases the limits are for: a one-letter wildcard (expansion capped), the
// commonest words, everything; each as the search box asks (top 10, snippets, facets).
// Each must be answered, or refused, within a second.
void BM_WorstCase(benchmark::State& state) {
  static const char* const kQueries[] = {"a*", "s*", "the", "the of and to", ""};
  const query::Searcher& searcher = BenchSearcher();
  query::SearchRequest request;
  request.query = kQueries[state.range(0)];
  request.facet_names = {"topic", "city", "year"};
  double worst_ms = 0;
  uint64_t total = 0;
  bool estimated = false;
  for (auto _ : state) {
    const auto started = std::chrono::steady_clock::now();
    auto result = searcher.Search(request);
    worst_ms = std::max(worst_ms, std::chrono::duration<double, std::milli>(
                                      std::chrono::steady_clock::now() - started)
                                      .count());
    if (!result.ok()) {
      state.SkipWithError(result.status().ToString().c_str());
      break;
    }
    total = result->total;
    estimated = !result->estimated_facets.empty();
  }
  std::string label = "q=\"";
  label += kQueries[state.range(0)];
  label += '"';
  state.SetLabel(label);
  state.counters["worst_ms"] = worst_ms;
  state.counters["matches"] = static_cast<double>(total);
  state.counters["estimated"] = estimated ? 1 : 0;
}
BENCHMARK(BM_WorstCase)->DenseRange(0, 4)->Unit(benchmark::kMillisecond);

void BM_AnalyzerFold(benchmark::State& state) {
  const Analyzer& analyzer = SharedAnalyzer();
  const std::vector<Article>& articles = SampleArticles();
  int64_t bytes = 0;
  size_t next = 0;
  for (auto _ : state) {
    const Article& article = articles[next++ % articles.size()];
    benchmark::DoNotOptimize(analyzer.Fold(article.body));
    bytes += static_cast<int64_t>(article.body.size());
  }
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_AnalyzerFold);

void BM_DocumentBuilding(benchmark::State& state) {
  indexer::DocumentBuilder builder(SharedAnalyzer());
  const std::vector<Article>& articles = SampleArticles();
  int64_t bytes = 0;
  size_t next = 0;
  for (auto _ : state) {
    const Article& article = articles[next++ % articles.size()];
    benchmark::DoNotOptimize(builder.Build(article, "hash"));
    bytes += static_cast<int64_t>(article.body.size() + article.title.size());
  }
  state.SetBytesProcessed(bytes);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_DocumentBuilding);

// What a search builds before it matches: a QueryBuilder (one per search, as SearchRun
// makes) and the text query with its filters, over the mixed set.
void BM_QueryBuilding(benchmark::State& state) {
  const std::string& dir = BenchIndexDir();
  const uint64_t generation = index_layout::ReadCurrent(dir).value().value();
  const Xapian::Database db(index_layout::XapianPath(dir, generation));
  const std::vector<query::SearchRequest> requests = MixedRequests(Mode::kFull);
  size_t next = 0;
  for (auto _ : state) {
    const query::SearchRequest& request = requests[next++ % requests.size()];
    query::QueryBuilder builder(SharedAnalyzer(), db, &query::Synonyms::BuiltIn());
    Xapian::Query text = builder.BuildText(request.query);
    benchmark::DoNotOptimize(builder.AddFacetFilters(builder.AddFilters(text, request), request));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_QueryBuilding);

void BM_Snippet(benchmark::State& state) {
  const Analyzer& analyzer = SharedAnalyzer();
  const std::vector<Article>& articles = SampleArticles();
  const Xapian::Query query(Xapian::Query::OP_OR, Xapian::Query("Zworker"),
                            Xapian::Query("Zunion"));
  query::HighlightStyle style;
  int64_t bytes = 0;
  size_t next = 0;
  for (auto _ : state) {
    // A new maker per search, as the searcher does (its word cache lives for one page).
    query::SnippetMaker snippets(analyzer, query);
    const Article& article = articles[next++ % articles.size()];
    benchmark::DoNotOptimize(snippets.Snippet(article.body, 30, style));
    bytes += static_cast<int64_t>(article.body.size());
  }
  state.SetBytesProcessed(bytes);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Snippet);

void BM_JsonEncoding(benchmark::State& state) {
  query::SearchRequest request;
  request.query = "workers union";
  request.facet_names = {"topic", "city", "year"};
  auto result = BenchSearcher().Search(request);
  if (!result.ok()) {
    state.SkipWithError(result.status().ToString().c_str());
    return;
  }
  int64_t bytes = 0;
  for (auto _ : state) {
    std::ostringstream out;
    output::WriteResult(*result, output::Format::kJson, out);
    bytes += static_cast<int64_t>(out.tellp());
  }
  state.SetBytesProcessed(bytes);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_JsonEncoding);

}  // namespace
}  // namespace archive::bench
