// Guessing an article's language when its source does not say, so that it is stemmed
// as the language it is written in. Only the languages the archive has are told apart.
#pragma once

#include <string>
#include <string_view>

namespace archive {

// "es" when `folded_text` (already folded: lower case, no accents) reads as Spanish, else
// "en". Counts the most frequent function words of each language in the first few
// thousand words: cheap, and reliable on article-length text.
std::string DetectLanguage(std::string_view folded_text);

}  // namespace archive
