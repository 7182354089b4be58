// Indexing throughput: generated articles through Indexer::Add and one Commit.
//   build/bench/index_bench
#include <benchmark/benchmark.h>

#include <filesystem>
#include <vector>

#include "corpus/sample_generator.h"
#include "indexer/indexer.h"

namespace archive::bench {
namespace {

void BM_IndexArticles(benchmark::State& state) {
  const int64_t count = state.range(0);
  std::vector<Article> articles;
  corpus::SampleGenerator generator({1, count, false});
  Article article;
  uint64_t bytes = 0;
  while (generator.Next(&article)) {
    bytes += article.body.size() + article.title.size();
    articles.push_back(article);
  }
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

}  // namespace
}  // namespace archive::bench
