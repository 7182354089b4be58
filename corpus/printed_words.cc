#include "corpus/printed_words.h"

namespace archive::corpus {
namespace {

// The code point at text[i] and its length in bytes; a broken sequence reads as one byte.
char32_t DecodeAt(std::string_view text, size_t i, size_t* length) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char lead = byte(i);
  size_t n = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  if (i + n > text.size()) n = 1;
  char32_t c = n == 1 ? lead : lead & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) c = (c << 6) | (byte(i + k) & 0x3F);
  *length = n;
  return c;
}

bool IsLetterOrDigit(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  // Latin-1 symbols (guillemets, ¿, ¡, ×, ÷) and General Punctuation (dashes, curly
  // quotes) separate words; every other non-ASCII code point counts as a letter.
  if (c <= 0xBF || c == 0xD7 || c == 0xF7) return false;
  return !(c >= 0x2000 && c <= 0x206F);
}

// Periods, hyphens and apostrophes join letters ("St.", "Winston-Salem", "O'Brien").
bool IsJoiner(char32_t c) { return c == '.' || c == '-' || c == '\''; }

std::string_view TrimWord(std::string_view word) {
  while (!word.empty() && IsJoiner(static_cast<unsigned char>(word.front()))) word.remove_prefix(1);
  if (word.size() > 2 && word.ends_with("'s")) word.remove_suffix(2);
  while (!word.empty() && IsJoiner(static_cast<unsigned char>(word.back()))) word.remove_suffix(1);
  return word;
}

}  // namespace

std::vector<PrintedWord> SplitPrintedWords(std::string_view text) {
  std::vector<PrintedWord> words;
  size_t paragraph = 0, i = 0, start = 0;
  bool in_word = false, line_has_text = false;
  auto finish = [&](size_t end) {
    std::string_view word = TrimWord(text.substr(start, end - start));
    if (!word.empty()) words.push_back({word, paragraph});
    in_word = false;
  };
  while (i < text.size()) {
    size_t length = 1;
    char32_t c = DecodeAt(text, i, &length);
    bool part = IsLetterOrDigit(c) || (in_word && IsJoiner(c));
    if (part && !in_word) {
      start = i;
      in_word = true;
    } else if (!part && in_word) {
      finish(i);
    }
    if (c == '\n') {
      if (line_has_text) ++paragraph;
      line_has_text = false;
    } else if (c != ' ' && c != '\t' && c != '\r') {
      line_has_text = true;
    }
    i += length;
  }
  if (in_word) finish(text.size());
  return words;
}

bool IsCapitalised(std::string_view word) {
  if (word.empty()) return false;
  auto lead = static_cast<unsigned char>(word[0]);
  if (lead >= 'A' && lead <= 'Z') return true;
  // Latin-1 capitals À-Þ are U+00C0-U+00DE: 0xC3 0x80-0x9E in UTF-8.
  return lead == 0xC3 && word.size() > 1 && static_cast<unsigned char>(word[1]) <= 0x9E;
}

bool IsAllCaps(std::string_view word) {
  for (char c : word) {
    if (c >= 'a' && c <= 'z') return false;
  }
  return !word.empty();
}

}  // namespace archive::corpus
