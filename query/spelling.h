// SpellingCorrector: "did you mean" from the archive's own vocabulary. Uses Xapian's
// spelling data when the index has it; otherwise scans the index's unprefixed terms that
// share the word's first letter for the most frequent one within a small edit distance.
// Module-internal; holds a reference to one database, so one per search.
#pragma once

#include <xapian.h>

#include <string>

namespace archive::query {

class SpellingCorrector {
 public:
  explicit SpellingCorrector(const Xapian::Database& db);

  // The likeliest intended word for a folded word the index does not know, or "" when it
  // knows the word (as written or by its English stem) or knows nothing close to it.
  std::string Suggest(const std::string& word) const;

  // `folded_query` with each unknown plain word replaced by its suggestion, or "" when
  // nothing was replaced. Quoted words, field values, exclusions and operators are kept.
  std::string CorrectQuery(const std::string& folded_query) const;

 private:
  bool Known(const std::string& word) const;

  const Xapian::Database& db_;
  bool has_spelling_data_;
  Xapian::Stem english_{"english"};
};

// Damerau-Levenshtein (optimal string alignment) distance in bytes, or limit + 1 once it
// exceeds `limit`.
size_t EditDistance(const std::string& a, const std::string& b, size_t limit);

}  // namespace archive::query
