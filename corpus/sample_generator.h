// SampleGenerator: an invented but realistic archive of a socialist newspaper, for tests,
// benchmarks and demos. Monthly printed issues from September 2013, about 25 articles each,
// plus web-only articles; every issue's table of contents follows its articles. The output is
// a pure function of (seed, articles): same options, same records, byte for byte.
//
// It streams: Next() builds one record at a time and keeps only the current issue's
// headlines, so a million articles need no more memory than ten. Not thread-safe; use one
// generator per thread.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "core/article.h"
#include "core/status.h"
#include "corpus/sample_random.h"
#include "corpus/sample_text_writer.h"
#include "corpus/sample_vocabulary.h"

namespace archive::corpus {

inline constexpr int64_t kDefaultSampleArticles = 3000;  // 120 issues
inline constexpr int kArticlesPerIssue = 25;
// 80,000 monthly issues from 2013 keep every date's year at four digits.
inline constexpr int64_t kMaxSampleArticles = 2'000'000;
inline constexpr int kFirstIssueYear = 2013;
inline constexpr int kFirstIssueMonth = 9;  // September

struct SampleOptions {
  uint64_t seed = 1;                          // selects the archive; any value is fine
  int64_t articles = kDefaultSampleArticles;  // kind "article" records; issues = ceil(/25)
  bool withhold_metadata = false;  // leave `topics` and `cities` out of the output records
};

class SampleGenerator {
 public:
  // REQUIRES: 0 <= options.articles <= kMaxSampleArticles.
  explicit SampleGenerator(const SampleOptions& options);
  ~SampleGenerator();
  SampleGenerator(const SampleGenerator&) = delete;
  SampleGenerator& operator=(const SampleGenerator&) = delete;

  // Overwrites *record with the next record in output order (an issue's articles, then its
  // issue record). Returns false, leaving *record alone, once the archive is exhausted.
  bool Next(Article* record);

  // The vocabulary the archive is written from (topic names, cities, marker words).
  const SampleVocabulary& vocabulary() const { return vocabulary_; }

  // Number of printed issues for `articles` articles: ceil(articles / 25).
  static int64_t IssueCount(int64_t articles);

 private:
  struct Headline {  // an entry of the current issue's table of contents
    int section;     // topic id, or kTopicCount for the Spanish section
    std::string text;
  };

  void BuildArticle(int64_t issue_index, int position, Article* article);
  void BuildIssue(int64_t issue_index, Article* issue);
  ArticlePlan Plan(int year, SampleRandom& rng) const;

  SampleOptions options_;
  SampleVocabulary vocabulary_;
  SampleTextWriter text_writer_;
  int64_t issue_count_;
  int64_t issue_index_ = 0;  // 0-based; issue number is issue_index_ + 1
  int position_ = 0;         // next article within the current issue
  std::vector<Headline> contents_;
  std::vector<std::string> issue_urls_;        // article URLs of the current issue, without the '/'
  std::vector<int> us_cities_, world_cities_;  // indexes into vocabulary_.cities()
  std::vector<int> us_authors_, world_authors_;  // indexes into vocabulary_.authors()
  std::vector<int> storyline_cities_;            // per storyline, its city's index
};

// Writes the whole archive as JSON Lines to `out` and, when `truth` is not null, one line
// {"id","topics","cities"} per article (issue records have none) to `truth`.
// Returns kIOError if a write fails.
Status WriteSampleArchive(const SampleOptions& options, std::FILE* out, std::FILE* truth);

}  // namespace archive::corpus
