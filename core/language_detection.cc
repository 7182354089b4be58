#include "core/language_detection.h"

#include <array>
#include <cctype>

namespace archive {
namespace {

// Words common in one language and rare in the other (after folding).
constexpr std::array<std::string_view, 16> kEnglish = {
    "the", "and", "of",   "to",   "is",   "that", "with",  "for",
    "was", "are", "this", "have", "from", "they", "their", "which"};
constexpr std::array<std::string_view, 16> kSpanish = {"el",   "los",  "las", "del", "que", "por",
                                                       "una",  "para", "con", "es",  "se",  "su",
                                                       "como", "pero", "mas", "sus"};

constexpr size_t kMaxWordsExamined = 3000;

bool Contains(const auto& words, std::string_view word) {
  for (std::string_view candidate : words) {
    if (candidate == word) return true;
  }
  return false;
}

}  // namespace

std::string DetectLanguage(std::string_view folded_text) {
  size_t english = 0;
  size_t spanish = 0;
  size_t examined = 0;
  size_t pos = 0;
  while (pos < folded_text.size() && examined < kMaxWordsExamined) {
    while (pos < folded_text.size() && !std::isalpha(static_cast<unsigned char>(folded_text[pos])))
      ++pos;
    size_t end = pos;
    while (end < folded_text.size() && std::isalpha(static_cast<unsigned char>(folded_text[end])))
      ++end;
    if (end == pos) break;
    std::string_view word = folded_text.substr(pos, end - pos);
    english += Contains(kEnglish, word);
    spanish += Contains(kSpanish, word);
    ++examined;
    pos = end;
  }
  return spanish > english ? "es" : "en";
}

}  // namespace archive
