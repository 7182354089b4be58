// Indexing throughput: generated articles through Indexer::Add and one Commit (an update),
// and through Rebuilder::Add and Finish (parts on worker threads, merged) with 1 and 2
// threads. The end-to-end figures for 100,000 articles are in docs/indexing.md.
//   build/bench/index_bench
#include <benchmark/benchmark.h>

#include <filesystem>
#include <vector>

#include "corpus/sample_generator.h"
#include "indexer/indexer.h"
#include "indexer/rebuilder.h"

namespace archive::bench {
namespace {

std::vector<Article> Generate(int64_t count, uint64_t& bytes) {
  std::vector<Article> articles;
  corpus::SampleGenerator generator({1, count, false});
  Article article;
  while (generator.Next(&article)) {
    bytes += article.body.size() + article.title.size();
    articles.push_back(article);
  }
  return articles;
}

void BM_IndexArticles(benchmark::State& state) {
  uint64_t bytes = 0;
  const std::vector<Article> articles = Generate(state.range(0), bytes);
  for (auto _ : state) {
    state.PauseTiming();
    std::string dir = (std::filesystem::temp_directory_path() / "archive-index-bench").string();
    std::filesystem::remove_all(dir);
    auto indexer = indexer::Indexer::Open({dir}).value();
    state.ResumeTiming();
    for (const Article& a : articles) benchmark::DoNotOptimize((*indexer).Add(a));
    benchmark::DoNotOptimize(indexer->Commit());
    state.PauseTiming();
    indexer.reset();
    std::filesystem::remove_all(dir);
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(articles.size()));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(bytes));
}
BENCHMARK(BM_IndexArticles)->Arg(500)->Unit(benchmark::kMillisecond)->Iterations(2);

// Args: articles, threads. Parts of 150 articles, so that 600 make four.
void BM_RebuildArticles(benchmark::State& state) {
  uint64_t bytes = 0;
  const std::vector<Article> articles = Generate(state.range(0), bytes);
  for (auto _ : state) {
    state.PauseTiming();
    std::string dir = (std::filesystem::temp_directory_path() / "archive-rebuild-bench").string();
    std::filesystem::remove_all(dir);
    indexer::RebuildOptions options{dir};
    options.threads = static_cast<size_t>(state.range(1));
    options.articles_per_part = 150;
    auto rebuilder = indexer::Rebuilder::Open(options).value();
    state.ResumeTiming();
    for (const Article& a : articles) benchmark::DoNotOptimize(rebuilder->Add(a));
    benchmark::DoNotOptimize(rebuilder->Finish());
    state.PauseTiming();
    rebuilder.reset();
    std::filesystem::remove_all(dir);
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(articles.size()));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(bytes));
}
BENCHMARK(BM_RebuildArticles)
    ->Args({600, 1})
    ->Args({600, 2})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->UseRealTime();

}  // namespace
}  // namespace archive::bench
