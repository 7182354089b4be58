// The forms a snippet matches a word of an article by: the word as written, folded, and
// stemmed in English and Spanish. Computing them (ICU folding, two Snowball stemmers) was
// a fifth of the snippets' time at 100,000 articles, and the words of articles recur from
// query to query, so they are kept across requests in one cache shared by every thread:
// its memory is bounded whatever the number of threads (a server has hundreds).
// Module-internal.
#pragma once

#include <xapian.h>

#include <array>
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/analyzer.h"

namespace archive::query {

struct WordForms {
  std::string folded;  // the word's first token after folding ("$15" → "15dollars")
  std::string english;
  std::string spanish;
};

// The forms of `word`, computed with the caller's stemmers (Xapian::Stem is not
// thread-safe, so each SnippetMaker has its own).
WordForms ComputeWordForms(std::string_view word, const Analyzer& analyzer,
                           const Xapian::Stem& english, const Xapian::Stem& spanish);

// At most `capacity` words (rounded down to a multiple of the shard count), in shards
// that each have a mutex, so that threads seldom wait for each other. A full shard is
// emptied (cheap, and the words that recur come back at once). Thread-safe.
class WordFormCache {
 public:
  explicit WordFormCache(size_t capacity);

  // The process's cache: 65,536 words, about 10 MB at most.
  static WordFormCache& Shared();

  // The forms of `word`, computed on a miss outside any lock.
  WordForms Get(std::string_view word, const Analyzer& analyzer, const Xapian::Stem& english,
                const Xapian::Stem& spanish);

  size_t size() const;  // words held now, at most capacity()
  size_t capacity() const { return per_shard_ * kShards; }

 private:
  static constexpr size_t kShards = 16;
  struct ViewHash {
    using is_transparent = void;
    size_t operator()(std::string_view text) const { return std::hash<std::string_view>()(text); }
  };
  struct Shard {
    mutable std::mutex mutex;
    std::unordered_map<std::string, WordForms, ViewHash, std::equal_to<>> forms;
  };

  size_t per_shard_;
  std::array<Shard, kShards> shards_;
};

}  // namespace archive::query
