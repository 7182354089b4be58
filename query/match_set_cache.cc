#include "query/match_set_cache.h"

namespace archive::query {

std::shared_ptr<const DocSet> MatchSetCache::Find(const std::string& key) {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto it = by_key_.find(key);
  if (it == by_key_.end()) return nullptr;
  entries_.splice(entries_.begin(), entries_, it->second);
  return it->second->second;
}

void MatchSetCache::Insert(const std::string& key, std::shared_ptr<const DocSet> set,
                           size_t max_bytes) {
  Entry entry(key, std::move(set));
  const size_t size = BytesOf(entry);
  if (size > max_bytes) return;
  std::lock_guard<std::mutex> lock(mutex_);
  if (by_key_.count(key) != 0) return;  // another search got there first: same set
  EvictDownTo(max_bytes - size);
  entries_.push_front(std::move(entry));
  by_key_.emplace(key, entries_.begin());
  bytes_ += size;
}

void MatchSetCache::EvictDownTo(size_t max_bytes) {
  while (bytes_ > max_bytes && !entries_.empty()) {
    bytes_ -= BytesOf(entries_.back());
    by_key_.erase(entries_.back().first);
    entries_.pop_back();
  }
}

size_t MatchSetCache::bytes() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return bytes_;
}

size_t MatchSetCache::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return entries_.size();
}

}  // namespace archive::query
