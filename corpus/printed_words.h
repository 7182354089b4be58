// Words of plain text as printed, case and accents kept, for recognising names: the
// gazetteer (corpus/gazetteer.h) needs "Mobile" and "mobile" told apart, which folded text
// (core/analyzer.h) no longer can.
#pragma once

#include <string_view>
#include <vector>

namespace archive::corpus {

struct PrintedWord {
  std::string_view text;  // "St" for "St.", "D.C" for "D.C.", "Seattle" for "Seattle's"
  size_t paragraph = 0;   // index of its line among the non-blank lines of the text
};

// Splits `text` into words: runs of letters, digits and inner periods, hyphens and
// apostrophes. Punctuation (ASCII and typographic: dashes, curly quotes, guillemets) and
// spaces separate words; trailing periods and a possessive "'s" are dropped.
std::vector<PrintedWord> SplitPrintedWords(std::string_view text);

// True when the word starts with a capital letter (ASCII or Latin-1: "Seattle", "ÉVORA").
bool IsCapitalised(std::string_view word);

// True when the word has no lower-case ASCII letter ("SEATTLE", "SÃO").
bool IsAllCaps(std::string_view word);

}  // namespace archive::corpus
