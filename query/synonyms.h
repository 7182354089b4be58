// Synonyms: groups of equivalent names ("NYC" | "New York City"), applied to a query's text
// before it is parsed. Xapian's own synonym table lives in a writable database and expands
// to single terms only; a group here may hold phrases, so the query text is rewritten into
// an OR group instead. Immutable after Parse(); thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/analyzer.h"

namespace archive::query {

class Synonyms {
 public:
  // Reads "a | b c | d" lines ('#' starts a comment); members are folded with `analyzer`.
  static Synonyms Parse(std::string_view text, const Analyzer& analyzer);
  // The groups of query/synonyms.txt, compiled into the library.
  static const Synonyms& BuiltIn();

  // `folded_query` (Analyzer::FoldQuery output) with each word sequence that equals a
  // group member replaced by (member OR "other member" ...). Quoted text, field values
  // (title:x), excluded words (-x) and operators are left alone. Returns the input
  // unchanged when nothing matched.
  std::string Expand(const std::string& folded_query) const;

  size_t group_count() const { return groups_.size(); }

 private:
  using Phrase = std::vector<std::string>;  // folded words
  std::vector<std::vector<Phrase>> groups_;
};

}  // namespace archive::query
