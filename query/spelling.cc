#include "query/spelling.h"

#include <algorithm>
#include <vector>

namespace archive::query {
namespace {

// Short words have many neighbours one edit away: allow fewer edits for them.
size_t MaxEdits(const std::string& word) { return word.size() <= 4 ? 1 : 2; }

bool IsPlainWord(const std::string& token) {
  if (token.size() < 3) return false;
  return std::all_of(token.begin(), token.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80;
  });
}

}  // namespace

size_t EditDistance(const std::string& a, const std::string& b, size_t limit) {
  const size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  std::vector<std::vector<size_t>> d(n + 1, std::vector<size_t>(m + 1));
  for (size_t i = 0; i <= n; ++i) d[i][0] = i;
  for (size_t j = 0; j <= m; ++j) d[0][j] = j;
  for (size_t i = 1; i <= n; ++i) {
    size_t row_min = limit + 1;
    for (size_t j = 1; j <= m; ++j) {
      const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);  // a transposition
      row_min = std::min(row_min, d[i][j]);
    }
    if (row_min > limit) return limit + 1;
  }
  return std::min(d[n][m], limit + 1);
}

SpellingCorrector::SpellingCorrector(const Xapian::Database& db)
    : db_(db), has_spelling_data_(db.spellings_begin() != db.spellings_end()) {}

bool SpellingCorrector::Known(const std::string& word) const {
  if (db_.term_exists(word)) return true;
  std::string stem = "Z";
  stem += english_(word);
  return db_.term_exists(stem);
}

std::string SpellingCorrector::Suggest(const std::string& word) const {
  if (!IsPlainWord(word) || Known(word)) return "";
  if (has_spelling_data_) return db_.get_spelling_suggestion(word, 2);
  const size_t limit = MaxEdits(word);
  std::string best;
  size_t best_distance = limit + 1;
  Xapian::doccount best_frequency = 0;
  const std::string first(1, word[0]);
  for (auto it = db_.allterms_begin(first); it != db_.allterms_end(first); ++it) {
    const std::string term = *it;
    const size_t distance = EditDistance(word, term, limit);
    if (distance > limit) continue;
    const Xapian::doccount frequency = it.get_termfreq();
    if (distance < best_distance || (distance == best_distance && frequency > best_frequency)) {
      best = term;
      best_distance = distance;
      best_frequency = frequency;
    }
  }
  return best;
}

std::string SpellingCorrector::CorrectQuery(const std::string& folded_query) const {
  std::string out;
  bool changed = false;
  bool in_quotes = false;
  size_t pos = 0;
  while (pos < folded_query.size()) {
    size_t end = std::min(folded_query.find(' ', pos), folded_query.size());
    std::string token = folded_query.substr(pos, end - pos);
    const auto quotes = std::count(token.begin(), token.end(), '"');
    if (!in_quotes && quotes == 0) {
      std::string suggestion = Suggest(token);
      if (!suggestion.empty()) {
        token = suggestion;
        changed = true;
      }
    }
    if (quotes % 2 == 1) in_quotes = !in_quotes;
    out += token;
    if (end < folded_query.size()) out += ' ';
    pos = end + 1;
  }
  return changed ? out : "";
}

}  // namespace archive::query
