#include "bench/sample_index.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>

#include "corpus/sample_generator.h"
#include "indexer/indexer.h"

namespace archive::bench {
namespace {

struct IndexDirs {
  std::map<int64_t, std::string> by_size;
  ~IndexDirs() {
    for (const auto& [size, dir] : by_size) {
      std::error_code ignored;
      std::filesystem::remove_all(dir, ignored);
    }
  }
};

void Die(const Status& status) {
  std::fprintf(stderr, "building the sample index: %s\n", status.ToString().c_str());
  std::exit(1);
}

}  // namespace

const std::string& SampleIndexDir(int64_t articles) {
  static IndexDirs dirs;
  auto found = dirs.by_size.find(articles);
  if (found != dirs.by_size.end()) return found->second;

  std::string dir = (std::filesystem::temp_directory_path() / "archive-bench-XXXXXX").string();
  if (::mkdtemp(dir.data()) == nullptr) Die(Status::IOError("mkdtemp"));
  auto indexer = indexer::Indexer::Open({dir});
  if (!indexer.ok()) Die(indexer.status());
  corpus::SampleGenerator generator({1, articles, false});
  Article article;
  while (generator.Next(&article)) {
    auto added = (*indexer)->Add(article);
    if (!added.ok()) Die(added.status());
  }
  auto summary = (*indexer)->Commit();
  if (!summary.ok()) Die(summary.status());
  return dirs.by_size.emplace(articles, dir).first->second;
}

}  // namespace archive::bench
