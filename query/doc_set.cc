#include "query/doc_set.h"

#include <algorithm>
#include <cassert>

namespace archive::query {

void DocSet::IntersectWith(const DocSet& other) {
  assert(words_.size() == other.words_.size());
  const size_t n = std::min(words_.size(), other.words_.size());  // never past either end
  for (size_t i = 0; i < n; ++i) words_[i] &= other.words_[i];
  for (size_t i = n; i < words_.size(); ++i) words_[i] = 0;
}

void DocSet::UniteWith(const DocSet& other) {
  assert(words_.size() == other.words_.size());
  const size_t n = std::min(words_.size(), other.words_.size());  // never past either end
  for (size_t i = 0; i < n; ++i) words_[i] |= other.words_[i];
}

void DocSet::Subtract(const DocSet& other) {
  assert(words_.size() == other.words_.size());
  const size_t n = std::min(words_.size(), other.words_.size());  // never past either end
  for (size_t i = 0; i < n; ++i) words_[i] &= ~other.words_[i];
}

uint64_t DocSet::Count() const {
  uint64_t count = 0;
  for (uint64_t word : words_) count += static_cast<uint64_t>(std::popcount(word));
  return count;
}

}  // namespace archive::query
