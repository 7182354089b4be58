#include "query/snippet.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <functional>

#include "core/html_text.h"
#include "query/word_forms.h"

namespace archive::query {
namespace {

constexpr std::string_view kEllipsis = "…";

// ASCII first: most words of the archive are, and ICU's property lookups were a third of
// the tokenising (letters and digits are u_isalnum; no ASCII character is a mark).
bool IsAlnum(UChar32 c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  return u_isalnum(c);
}

bool IsWordCodePoint(UChar32 c) {
  if (c < 0x80) return IsAlnum(c);
  return u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK;
}

bool IsApostrophe(UChar32 c) { return c == '\'' || c == 0x2019; }

void AppendEscaped(std::string_view text, bool escape_html, std::string& out) {
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    if (escape_html) {
      AppendHtmlEscaped(std::string_view(&c, 1), out);
    } else {
      out += c;
    }
  }
}

}  // namespace

SnippetMaker::SnippetMaker(const Analyzer& analyzer, const Xapian::Query& query)
    : analyzer_(analyzer) {
  int next_index = 0;
  for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
    std::string term = *it;
    size_t prefix_length = 0;
    while (prefix_length < term.size() && term[prefix_length] >= 'A' && term[prefix_length] <= 'Z')
      ++prefix_length;
    std::string_view prefix(term.data(), prefix_length);
    std::string word = term.substr(prefix_length);
    if (word.empty()) continue;
    // Free-text prefixes are "" (body), "S" (title), "A" (author), with "Z" for stems.
    bool stemmed = prefix.starts_with("Z");
    if (stemmed) prefix.remove_prefix(1);
    if (!prefix.empty() && prefix != "S" && prefix != "A") continue;
    auto& table = stemmed ? stems_ : exact_;
    if (table.emplace(word, next_index).second) ++next_index;
    if (static_cast<unsigned char>(word[0]) < 0x80)
      first_bytes_[static_cast<size_t>(word[0])] = true;
  }
  CollectPhrases(query);
}

int SnippetMaker::TermIndex(const std::string& term) const {
  size_t prefix_length = 0;
  while (prefix_length < term.size() && term[prefix_length] >= 'A' && term[prefix_length] <= 'Z')
    ++prefix_length;
  const bool stemmed = prefix_length > 0 && term[0] == 'Z';
  const auto& table = stemmed ? stems_ : exact_;
  auto it = table.find(term.substr(prefix_length));
  return it == table.end() ? -1 : it->second;
}

// Which terms the query has in phrases, and whether also anywhere else (then a word
// matching them is a keyword on its own too).
void SnippetMaker::CollectPhrases(const Xapian::Query& query) {
  std::vector<bool> in_phrase, loose;
  auto mark = [](std::vector<bool>& flags, int index) {
    if (index < 0) return;
    if (flags.size() <= static_cast<size_t>(index)) flags.resize(static_cast<size_t>(index) + 1);
    flags[static_cast<size_t>(index)] = true;
  };
  std::function<void(const Xapian::Query&)> walk = [&](const Xapian::Query& node) {
    if (node.get_type() == Xapian::Query::OP_PHRASE) {
      std::vector<int> phrase;
      for (size_t i = 0; i < node.get_num_subqueries(); ++i) {
        const Xapian::Query word = node.get_subquery(i);
        const bool leaf = word.get_type() == Xapian::Query::LEAF_TERM;
        phrase.push_back(leaf ? TermIndex(*word.get_terms_begin()) : -1);
      }
      if (phrase.size() >= 2 && std::find(phrase.begin(), phrase.end(), -1) == phrase.end()) {
        for (int index : phrase) mark(in_phrase, index);
        if (std::find(phrases_.begin(), phrases_.end(), phrase) == phrases_.end())
          phrases_.push_back(std::move(phrase));
        return;
      }
    }
    if (node.get_type() == Xapian::Query::LEAF_TERM) {
      mark(loose, TermIndex(*node.get_terms_begin()));
      return;
    }
    if (node.get_num_subqueries() == 0) {
      // A leaf of another kind (a wildcard, ...): its terms are words on their own.
      for (auto it = node.get_unique_terms_begin(); it != node.get_unique_terms_end(); ++it)
        mark(loose, TermIndex(*it));
    }
    for (size_t i = 0; i < node.get_num_subqueries(); ++i) walk(node.get_subquery(i));
  };
  walk(query);
  phrase_only_.assign(in_phrase.size(), false);
  for (size_t i = 0; i < in_phrase.size(); ++i)
    phrase_only_[i] = in_phrase[i] && !(i < loose.size() && loose[i]);
  // Longest first: "new york city" wins over "new york" where both start.
  std::stable_sort(phrases_.begin(), phrases_.end(),
                   [](const auto& a, const auto& b) { return a.size() > b.size(); });
}

size_t SnippetMaker::PhraseAt(const std::vector<Word>& words, size_t w) const {
  for (const std::vector<int>& phrase : phrases_) {
    if (w + phrase.size() > words.size()) continue;
    bool matches = true;
    for (size_t k = 0; k < phrase.size() && matches; ++k) matches = words[w + k].match == phrase[k];
    if (matches) return phrase.size();
  }
  return 0;
}

SnippetMaker::Match SnippetMaker::MatchOf(std::string_view word) const {
  if (exact_.empty() && stems_.empty()) return {};
  // Most words are rejected by their first byte, without a lookup: a word that begins with
  // an ASCII letter or digit folds to that character in lower case, and neither stemmer
  // ever changes a word's first character (Snowball's English and Spanish rules change
  // suffixes only; checked on every word of the 100,000-article index and on millions of
  // random ASCII words). "$15" folds to "15dollars", so '$' takes the long way.
  const auto first = static_cast<unsigned char>(word.front());
  if (first < 0x80 && first != '$') {
    const unsigned char lower = first >= 'A' && first <= 'Z' ? first | 0x20 : first;
    if (!first_bytes_[lower]) return {};
  }
  // The same words recur through an article and across the hits of a page; stemming
  // each occurrence twice was most of a search's time.
  // Looked up by view: most words are already cached, and a key string per word cost.
  if (auto found = match_cache_.find(word); found != match_cache_.end()) return found->second;
  auto cached = match_cache_.emplace(std::string(word), Match()).first;
  // Kept across requests, for every thread at once (query/word_forms.h).
  const WordForms forms = WordFormCache::Shared().Get(word, analyzer_, english_, spanish_);
  const std::string& folded = forms.folded;
  auto is_loose = [this](int index) {
    return static_cast<size_t>(index) >= phrase_only_.size() ||
           !phrase_only_[static_cast<size_t>(index)];
  };
  Match& match = cached->second;
  if (auto it = exact_.find(folded); it != exact_.end()) {
    match = {it->second, is_loose(it->second)};
    if (match.loose) return match;
  }
  // A stem can make a word that a phrase has exactly a keyword on its own ("rents" with
  // the query `"rent control" rents`).
  if (!stems_.empty()) {
    auto stem = stems_.find(forms.english);
    if (stem == stems_.end()) stem = stems_.find(forms.spanish);
    if (stem != stems_.end()) {
      if (match.term < 0) match.term = stem->second;
      match.loose = true;
    }
  }
  return match;
}

std::vector<SnippetMaker::Word> SnippetMaker::Words(std::string_view text) const {
  std::vector<Word> words;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < length) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    // "$15" is one word here, as the analyzer reads it (core/analyzer.h).
    if (c == '$' && i < length && bytes[i] >= '0' && bytes[i] <= '9') U8_NEXT(bytes, i, length, c);
    if (!IsWordCodePoint(c)) continue;
    int32_t end = i;
    while (i < length) {
      int32_t before = i;
      U8_NEXT(bytes, i, length, c);
      if (IsWordCodePoint(c)) {
        end = i;
        continue;
      }
      // An apostrophe inside a word ("Bernie’s") belongs to it, as in Xapian's tokeniser.
      if (IsApostrophe(c) && i < length) {
        int32_t after = i;
        UChar32 next;
        U8_NEXT(bytes, after, length, next);
        if (IsAlnum(next)) {
          i = after;
          end = i;
          continue;
        }
      }
      i = before;
      break;
    }
    std::string_view word = text.substr(start, end - start);
    const Match match = MatchOf(word);
    words.push_back(
        Word{static_cast<size_t>(start), static_cast<size_t>(end), match.term, match.loose});
  }
  return words;
}

std::string SnippetMaker::Render(std::string_view text, const std::vector<Word>& words,
                                 size_t first, size_t last, const HighlightStyle& style) const {
  std::string out;
  if (first > 0) out += kEllipsis;
  // At either end of the text, keep its punctuation (an opening quote, a full stop).
  const bool at_start = first == 0;
  const bool at_end = last + 1 == words.size();
  size_t pos = at_start ? text.find_first_not_of(" \t\r\n") : words[first].begin;
  const size_t stop = at_end ? text.find_last_not_of(" \t\r\n") + 1 : words[last].end;
  for (size_t w = first; w <= last; ++w) {
    if (words[w].match < 0) continue;
    // A run of matched words separated only by white space is one span: "rent control".
    size_t run_end = w;
    while (run_end + 1 <= last && words[run_end + 1].match >= 0 &&
           text.substr(words[run_end].end, words[run_end + 1].begin - words[run_end].end)
                   .find_first_not_of(" \t\r\n") == std::string_view::npos)
      ++run_end;
    AppendEscaped(text.substr(pos, words[w].begin - pos), style.escape_html, out);
    out += style.pre;
    AppendEscaped(text.substr(words[w].begin, words[run_end].end - words[w].begin),
                  style.escape_html, out);
    out += style.post;
    pos = words[run_end].end;
    w = run_end;
  }
  AppendEscaped(text.substr(pos, stop - pos), style.escape_html, out);
  if (!at_end) out += kEllipsis;
  return out;
}

std::string SnippetMaker::Snippet(std::string_view text, size_t max_words,
                                  const HighlightStyle& style) const {
  std::vector<Word> words = Words(text);
  if (words.empty() || max_words == 0) return "";
  const size_t window = std::min(max_words, words.size());

  // Slide a window of `window` words; score = distinct matched terms, then matches.
  std::vector<int> in_window(exact_.size() + stems_.size(), 0);  // by term index
  size_t distinct = 0;
  int matches = 0;
  auto add = [&](const Word& word, int delta) {
    if (word.match < 0) return;
    matches += delta;
    int& count = in_window[static_cast<size_t>(word.match)];
    if (count == 0) ++distinct;
    count += delta;
    if (count == 0) --distinct;
  };
  for (size_t w = 0; w < window; ++w) add(words[w], +1);
  size_t best_first = 0;
  std::pair<size_t, int> best_score{distinct, matches};
  for (size_t first = 1; first + window <= words.size(); ++first) {
    add(words[first - 1], -1);
    add(words[first + window - 1], +1);
    std::pair<size_t, int> score{distinct, matches};
    if (score > best_score) {
      best_score = score;
      best_first = first;
    }
  }
  // Start a little before the first match so that it has some context.
  if (best_score.second > 0) {
    size_t first_match = best_first;
    while (words[first_match].match < 0) ++first_match;
    size_t last_match = best_first + window - 1;
    while (words[last_match].match < 0) --last_match;
    size_t lead = std::min<size_t>(window / 4, first_match);
    // ...but never so much that the window's last match falls off its end.
    lead = std::min(lead, window - 1 - (last_match - first_match));
    best_first = std::min(first_match - lead, words.size() - window);
  }
  return Render(text, words, best_first, best_first + window - 1, style);
}

std::string SnippetMaker::Passages(std::string_view text, size_t max_words, size_t passages,
                                   const HighlightStyle& style) const {
  if (passages <= 1) return Snippet(text, max_words, style);
  std::vector<Word> words = Words(text);
  if (words.empty() || max_words == 0) return "";
  const size_t window = std::min(max_words, words.size());
  std::vector<size_t> matched(words.size() + 1, 0);  // prefix sums of matched words
  for (size_t w = 0; w < words.size(); ++w) matched[w + 1] = matched[w] + (words[w].match >= 0);
  std::vector<size_t> starts;
  for (size_t p = 0; p < passages; ++p) {
    size_t best = words.size(), best_score = 0;
    for (size_t first = 0; first + window <= words.size(); ++first) {
      bool overlaps = false;
      for (size_t start : starts) overlaps |= first < start + window && start < first + window;
      const size_t score = matched[first + window] - matched[first];
      if (!overlaps && score > best_score) {
        best = first;
        best_score = score;
      }
    }
    if (best == words.size()) break;
    starts.push_back(best);
  }
  if (starts.empty()) return Snippet(text, max_words, style);
  std::sort(starts.begin(), starts.end());
  std::string out;
  for (size_t start : starts) {
    if (!out.empty()) out += ' ';
    out += Render(text, words, start, start + window - 1, style);
  }
  return out;
}

std::vector<SnippetMaker::Occurrence> SnippetMaker::Occurrences(std::string_view text,
                                                                size_t context, size_t max) const {
  std::vector<Word> words = Words(text);
  std::vector<Occurrence> out;
  auto span = [&](size_t first, size_t last) {  // words [first, last), as written
    if (first >= last) return std::string();
    std::string piece;
    AppendEscaped(text.substr(words[first].begin, words[last - 1].end - words[first].begin), false,
                  piece);
    return piece;
  };
  for (size_t w = 0; w < words.size() && out.size() < max; ++w) {
    if (words[w].match < 0) continue;
    size_t length = PhraseAt(words, w);
    if (length == 0 && !words[w].loose) continue;
    length = std::max<size_t>(length, 1);
    const size_t end = w + length;
    out.push_back({span(w >= context ? w - context : 0, w), span(w, end),
                   span(end, std::min(words.size(), end + context))});
    w = end - 1;
  }
  return out;
}

std::string SnippetMaker::Highlight(std::string_view text, const HighlightStyle& style) const {
  std::vector<Word> words = Words(text);
  if (words.empty()) {
    std::string out;
    AppendEscaped(text, style.escape_html, out);
    return out;
  }
  return Render(text, words, 0, words.size() - 1, style);
}

}  // namespace archive::query
