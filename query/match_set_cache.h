// MatchSetCache: match sets (DocSets) of one index snapshot that are worth keeping between
// searches: the posting lists of frequent terms, the subqueries the evaluator hands to
// Xapian (a phrase's position checks), whole queries (the same words paged or with
// another facet selected). Keyed by strings the evaluator makes (query/match_set.cc).
// Bounded by bytes, least recently used first out. Thread-safe: searches on several
// threads share a snapshot's cache; a found set stays valid while the caller holds it.
// Module-internal.
#pragma once

#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>

#include "query/doc_set.h"

namespace archive::query {

class MatchSetCache {
 public:
  // Null when `key` is not cached.
  std::shared_ptr<const DocSet> Find(const std::string& key);

  // Keeps `set` under `key`, evicting the least recently used sets until the cache holds
  // at most `max_bytes` (a set larger than that is not kept).
  void Insert(const std::string& key, std::shared_ptr<const DocSet> set, size_t max_bytes);

  size_t bytes() const;
  size_t size() const;

 private:
  using Entry = std::pair<std::string, std::shared_ptr<const DocSet>>;
  static size_t BytesOf(const Entry& entry) {
    return entry.first.size() + entry.second->bytes() + sizeof(Entry);
  }
  void EvictDownTo(size_t max_bytes);  // REQUIRES: mutex_ held

  mutable std::mutex mutex_;
  std::list<Entry> entries_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> by_key_;
  size_t bytes_ = 0;
};

}  // namespace archive::query
