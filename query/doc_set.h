// DocSet: a set of docids as a bitset, one bit per docid from 0 to the database's last
// docid. The facet pass evaluates a query's match set into one (query/match_set.h) and
// counts facets over its bits: an AND, OR or AND_NOT of two sets costs one word
// operation per 64 docids, whatever the number of matches. Module-internal; a value
// type, not thread-safe to modify, safe to read from several threads once built.
#pragma once

#include <xapian.h>

#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace archive::query {

class DocSet {
 public:
  // Empty, for docids 0 to `last_docid`.
  explicit DocSet(Xapian::docid last_docid) : words_(last_docid / 64 + 1, 0) {}
  void Insert(Xapian::docid docid) { words_[docid / 64] |= uint64_t{1} << (docid % 64); }
  bool Contains(Xapian::docid docid) const {
    return docid / 64 < words_.size() && (words_[docid / 64] >> (docid % 64) & 1) != 0;
  }

  // REQUIRES: `other` was made for the same last docid.
  void IntersectWith(const DocSet& other);
  void UniteWith(const DocSet& other);
  void Subtract(const DocSet& other);

  uint64_t Count() const;
  // The docid of the member with `n` members before it; 0 when there are not that many.
  Xapian::docid Nth(uint64_t n) const;
  size_t bytes() const { return words_.size() * sizeof(uint64_t); }

  // Calls `visit(docid)` for every docid in the set, in ascending order.
  template <typename Visit>
  void ForEach(Visit&& visit) const {
    for (size_t i = 0; i < words_.size(); ++i) {
      for (uint64_t word = words_[i]; word != 0; word &= word - 1) {
        visit(static_cast<Xapian::docid>(i * 64 + static_cast<size_t>(std::countr_zero(word))));
      }
    }
  }

 private:
  std::vector<uint64_t> words_;
};

}  // namespace archive::query
