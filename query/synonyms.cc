#include "query/synonyms.h"

#include <algorithm>

namespace archive::query {

extern const std::string_view kBuiltInSynonyms;  // synonyms_data.cc, generated

namespace {

std::vector<std::string> SplitWords(std::string_view text) {
  std::vector<std::string> words;
  size_t pos = 0;
  while ((pos = text.find_first_not_of(" \t\r\n", pos)) != std::string_view::npos) {
    size_t end = text.find_first_of(" \t\r\n", pos);
    if (end == std::string_view::npos) end = text.size();
    words.emplace_back(text.substr(pos, end - pos));
    pos = end;
  }
  return words;
}

std::vector<std::string> SplitLines(std::string_view text) {
  std::vector<std::string> lines;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    lines.emplace_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
  return lines;
}

// A token the expansion must not touch: syntax, a field, an exclusion or a requirement.
bool IsSyntax(const std::string& token) {
  if (token.empty()) return true;
  if (token[0] == '-' || token[0] == '+' || token.find_first_of(":()*") != std::string::npos)
    return true;
  return std::any_of(token.begin(), token.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::string Alternative(const std::vector<std::string>& phrase) {
  std::string out;
  for (const std::string& word : phrase) out += (out.empty() ? "" : " ") + word;
  return phrase.size() > 1 ? "\"" + out + "\"" : out;
}

}  // namespace

Synonyms Synonyms::Parse(std::string_view text, const Analyzer& analyzer) {
  Synonyms synonyms;
  for (const std::string& line_text : SplitLines(text)) {
    std::string_view line = line_text;
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    std::vector<Phrase> group;
    size_t pos = 0;
    while (pos <= line.size()) {
      size_t bar = line.find('|', pos);
      if (bar == std::string_view::npos) bar = line.size();
      Phrase phrase = SplitWords(analyzer.Fold(line.substr(pos, bar - pos)));
      if (!phrase.empty()) group.push_back(std::move(phrase));
      pos = bar + 1;
    }
    if (group.size() >= 2) synonyms.groups_.push_back(std::move(group));
  }
  return synonyms;
}

const Synonyms& Synonyms::BuiltIn() {
  static const Synonyms* built_in =
      new Synonyms(Parse(kBuiltInSynonyms, Analyzer::Create().value()));  // never destroyed
  return *built_in;
}

std::string Synonyms::Expand(const std::string& folded_query) const {
  const std::vector<std::string> tokens = SplitWords(folded_query);
  std::vector<bool> usable(tokens.size());
  bool in_quotes = false;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const auto quotes = std::count(tokens[i].begin(), tokens[i].end(), '"');
    usable[i] = !in_quotes && quotes == 0 && !IsSyntax(tokens[i]);
    if (quotes % 2 == 1) in_quotes = !in_quotes;
  }
  std::string out;
  bool changed = false;
  for (size_t i = 0; i < tokens.size();) {
    const std::vector<Phrase>* best_group = nullptr;
    size_t best_length = 0;
    for (const std::vector<Phrase>& group : groups_) {
      for (const Phrase& phrase : group) {
        if (phrase.size() <= best_length || i + phrase.size() > tokens.size()) continue;
        bool match = true;
        for (size_t k = 0; k < phrase.size() && match; ++k)
          match = usable[i + k] && tokens[i + k] == phrase[k];
        if (match) {
          best_group = &group;
          best_length = phrase.size();
        }
      }
    }
    if (!out.empty()) out += ' ';
    if (best_group == nullptr) {
      out += tokens[i++];
      continue;
    }
    std::string alternatives;
    for (const Phrase& phrase : *best_group)
      alternatives += (alternatives.empty() ? "" : " OR ") + Alternative(phrase);
    out += "(" + alternatives + ")";
    i += best_length;
    changed = true;
  }
  return changed ? out : folded_query;
}

}  // namespace archive::query
