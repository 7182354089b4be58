#include "query/word_forms.h"

namespace archive::query {

WordForms ComputeWordForms(std::string_view word, const Analyzer& analyzer,
                           const Xapian::Stem& english, const Xapian::Stem& spanish) {
  WordForms forms;
  forms.folded = analyzer.Fold(word);
  // "$15" folds to two tokens ("15dollars 15"); the first is the one that says "$15".
  if (size_t space = forms.folded.find(' '); space != std::string::npos) forms.folded.resize(space);
  forms.english = english(forms.folded);
  forms.spanish = spanish(forms.folded);
  return forms;
}

WordFormCache::WordFormCache(size_t capacity) : per_shard_(capacity / kShards) {}

WordFormCache& WordFormCache::Shared() {
  static WordFormCache cache(65'536);
  return cache;
}

WordForms WordFormCache::Get(std::string_view word, const Analyzer& analyzer,
                             const Xapian::Stem& english, const Xapian::Stem& spanish) {
  const size_t hash = ViewHash()(word);
  // The low bits pick the bucket inside a shard; the high ones pick the shard.
  Shard& shard = shards_[(hash >> 32) % kShards];
  {
    std::lock_guard<std::mutex> lock(shard.mutex);
    if (auto found = shard.forms.find(word); found != shard.forms.end()) return found->second;
  }
  WordForms forms = ComputeWordForms(word, analyzer, english, spanish);
  if (per_shard_ == 0) return forms;
  std::lock_guard<std::mutex> lock(shard.mutex);
  if (shard.forms.size() >= per_shard_) shard.forms.clear();
  shard.forms.try_emplace(std::string(word), forms);
  return forms;
}

size_t WordFormCache::size() const {
  size_t total = 0;
  for (const Shard& shard : shards_) {
    std::lock_guard<std::mutex> lock(shard.mutex);
    total += shard.forms.size();
  }
  return total;
}

}  // namespace archive::query
