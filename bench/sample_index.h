// A real index of the generated sample archive, built once per benchmark process in a
// temporary directory (removed at exit), and a fixed mixed query set over it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace archive::bench {

// Builds (on first call) an index of `articles` generated articles (seed 1) and returns its
// directory. Aborts with a message if indexing fails: a benchmark cannot run without it.
const std::string& SampleIndexDir(int64_t articles);

// The index a query benchmark searches: $ARCHIVE_BENCH_INDEX when set (e.g. a 100,000-
// article index made with archive-corpus and archive-index rebuild), else the 3,000-article
// sample built in-process.
const std::string& BenchIndexDir();

// One query of the mixed set: the words typed, and an optional topic or city selection.
struct BenchQuery {
  std::string text;
  std::string topic;
  std::string city;
};

// A fixed, deterministic mix of `count` queries drawn from the headlines of the generated
// archive (seed 1): per ten, four of one word, two of two words, one of three words, one
// quoted two-word phrase, one word with its article's topic selected, one word with its
// article's city selected. Words shorter than four letters are skipped.
std::vector<BenchQuery> MixedQueries(size_t count);

}  // namespace archive::bench
