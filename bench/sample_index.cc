#include "bench/sample_index.h"

#include <cctype>
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

const std::string& BenchIndexDir() {
  static const std::string dir = [] {
    const char* given = std::getenv("ARCHIVE_BENCH_INDEX");
    return given != nullptr && *given != '\0' ? std::string(given) : SampleIndexDir(3000);
  }();
  return dir;
}

namespace {

// The headline's words of four letters or more, as written (punctuation dropped).
std::vector<std::string> TitleWords(const std::string& title) {
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (word.size() >= 4) words.push_back(word);
    word.clear();
  };
  for (char c : title) {
    if (std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80) != 0) {
      word += c;
    } else {
      flush();
    }
  }
  flush();
  return words;
}

std::string Join(const std::vector<std::string>& words, size_t first, size_t n) {
  std::string out;
  for (size_t i = first; i < first + n && i < words.size(); ++i) {
    if (!out.empty()) out += ' ';
    out += words[i];
  }
  return out;
}

}  // namespace

std::vector<BenchQuery> MixedQueries(size_t count) {
  std::vector<BenchQuery> queries;
  corpus::SampleGenerator generator({1, 3000, false});
  Article article;
  size_t seen = 0;
  while (queries.size() < count && generator.Next(&article)) {
    if (article.kind != "article" || ++seen % 3 != 0) continue;  // spread over the archive
    const std::vector<std::string> words = TitleWords(article.title);
    if (words.size() < 3) continue;
    const size_t kind = queries.size() % 10;
    const size_t pick = seen % (words.size() - 2);
    BenchQuery query;
    if (kind < 4) {
      query.text = words[pick];
    } else if (kind < 6) {
      query.text = Join(words, pick, 2);
    } else if (kind == 6) {
      query.text = Join(words, pick, 3);
    } else if (kind == 7) {
      query.text.push_back('"');
      query.text += Join(words, pick, 2);
      query.text.push_back('"');
    } else if (kind == 8) {
      if (article.topics.empty()) continue;
      query.text = words[pick];
      query.topic = article.topics.front();
    } else {
      if (article.cities.empty()) continue;
      query.text = words[pick];
      query.city = article.cities.front();
    }
    queries.push_back(std::move(query));
  }
  return queries;
}

}  // namespace archive::bench
