// Snippets that highlight the ORIGINAL text. Xapian's own MSet::snippet() tokenises the
// text it is given, so a folded query term ("sawant") would never highlight an accented
// original ("Sāwant"); here each word of the original is folded (and stemmed) on its own
// while its byte offsets are kept. Module-internal; not thread-safe (it caches matches).
#pragma once

#include <xapian.h>

#include <array>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/analyzer.h"

namespace archive::query {

struct HighlightStyle {
  std::string pre = "<mark>";
  std::string post = "</mark>";
  bool escape_html = true;  // escape the text (not the markers) for an HTML page
};

class SnippetMaker {
 public:
  // Takes the words to highlight from `query`'s terms: plain terms match a word exactly
  // (after folding), Z-prefixed ones match its English or Spanish stem. Boolean filter terms
  // (topic, city, ...) are not words of the text and are ignored.
  SnippetMaker(const Analyzer& analyzer, const Xapian::Query& query);

  // The best passage of about `max_words` words: the one with the most distinct matched
  // words, then the most matches; the opening words when nothing matches. Adjacent
  // matched words (a phrase) share one highlight span; "…" marks cut ends.
  std::string Snippet(std::string_view text, size_t max_words, const HighlightStyle& style) const;

  // Up to `passages` non-overlapping passages of about `max_words` words each, the ones
  // with the most matches, in text order (each with its "…" marks). One passage is
  // Snippet().
  std::string Passages(std::string_view text, size_t max_words, size_t passages,
                       const HighlightStyle& style) const;

  // Each occurrence of a matched word with `context` words either side, as written:
  // {left, keyword, right} in text order, at most `max` of them. An occurrence of a
  // quoted phrase of the query is one keyword ("rent control"); a word that the query
  // has only inside phrases is not a keyword on its own.
  struct Occurrence {
    std::string left, keyword, right;
  };
  std::vector<Occurrence> Occurrences(std::string_view text, size_t context, size_t max) const;

  // The whole of `text` (a title) with its matched words highlighted.
  std::string Highlight(std::string_view text, const HighlightStyle& style) const;

 private:
  struct Word {
    size_t begin;  // byte offsets into the text
    size_t end;
    int match;   // index of the distinct matched term, or -1
    bool loose;  // matches a term the query has outside phrases (a keyword on its own)
  };
  struct Match {
    int term = -1;
    bool loose = false;
  };
  std::vector<Word> Words(std::string_view text) const;
  Match MatchOf(std::string_view word) const;
  int TermIndex(const std::string& term) const;  // the distinct term index, or -1
  void CollectPhrases(const Xapian::Query& query);
  // The length of the longest query phrase that starts at words[w], or 0.
  size_t PhraseAt(const std::vector<Word>& words, size_t w) const;
  std::string Render(std::string_view text, const std::vector<Word>& words, size_t first,
                     size_t last, const HighlightStyle& style) const;

  const Analyzer& analyzer_;
  // The languages the indexer stems in (core/analyzer.h): a word matches a stem in either.
  Xapian::Stem english_{"english"};
  Xapian::Stem spanish_{"spanish"};
  std::unordered_map<std::string, int> exact_;  // folded word → distinct term index
  std::unordered_map<std::string, int> stems_;  // stem → distinct term index
  // The first bytes of the ASCII-initial terms and stems: a word that begins with another
  // ASCII letter or digit matches none of them (MatchOf).
  std::array<bool, 128> first_bytes_{};
  std::vector<std::vector<int>> phrases_;  // quoted phrases, as term indexes in order
  std::vector<bool> phrase_only_;          // by term index: only ever inside a phrase
  struct ViewHash {
    using is_transparent = void;
    size_t operator()(std::string_view text) const { return std::hash<std::string_view>()(text); }
  };
  // Word as written → MatchOf.
  mutable std::unordered_map<std::string, Match, ViewHash, std::equal_to<>> match_cache_;
};

}  // namespace archive::query
