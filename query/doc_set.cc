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

Xapian::docid DocSet::Nth(uint64_t n) const {
  for (size_t i = 0; i < words_.size(); ++i) {
    uint64_t word = words_[i];
    const auto in_word = static_cast<uint64_t>(std::popcount(word));
    if (n >= in_word) {
      n -= in_word;
      continue;
    }
    for (; n > 0; --n) word &= word - 1;  // drops the lowest member
    return static_cast<Xapian::docid>(i * 64 + static_cast<size_t>(std::countr_zero(word)));
  }
  return 0;
}

}  // namespace archive::query
