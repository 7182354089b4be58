#include "core/analyzer.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>

namespace archive {
namespace {

bool IsAscii(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Typographic punctuation that must match its plain form, so that a query typed with a
// straight apostrophe finds text set with a curly one.
UChar32 PlainPunctuation(UChar32 c) {
  switch (c) {
    case 0x2018:  // ‘
    case 0x2019:  // ’
    case 0x201B:  // ‛
    case 0x02BC:  // ʼ
    case 0x2032:  // ′
      return '\'';
    case 0x201C:  // “
    case 0x201D:  // ”
    case 0x201E:  // „
    case 0x00AB:  // «
    case 0x00BB:  // »
      return '"';
    case 0x2013:  // – : between words a dash separates them, it never excludes
    case 0x2014:  // —
    case 0x2015:  // ―
      return ' ';
    default:
      return c;
  }
}

bool IsOperatorWord(std::string_view word) {
  static constexpr std::array<std::string_view, 6> kOperators = {"AND", "OR",   "NOT",
                                                                 "XOR", "NEAR", "ADJ"};
  for (std::string_view op : kOperators) {
    // NEAR/3 and ADJ/3 carry a window after the slash.
    if (word == op || (word.size() > op.size() && word.starts_with(op) && word[op.size()] == '/'))
      return true;
  }
  return false;
}

// "$15" becomes "15dollars 15": the first token lets "$15" be searched as typed (Xapian's
// tokeniser would drop the sign and match every "15"), the second keeps "15" matching too.
// Both sides fold, so a phrase such as "fight for $15" agrees token for token.
std::string ExpandDollarAmounts(std::string text) {
  size_t dollar = text.find('$');
  if (dollar == std::string::npos) return text;
  std::string out;
  out.reserve(text.size() + 16);
  size_t pos = 0;
  for (; dollar != std::string::npos; dollar = text.find('$', pos)) {
    size_t digits_end = dollar + 1;
    while (digits_end < text.size() && text[digits_end] >= '0' && text[digits_end] <= '9')
      ++digits_end;
    out.append(text, pos, dollar - pos);
    if (digits_end == dollar + 1) {  // a lone "$": leave it to the tokeniser
      out += '$';
    } else {
      std::string_view digits(text.data() + dollar + 1, digits_end - dollar - 1);
      out.append(digits).append("dollars ").append(digits);
    }
    pos = digits_end;
  }
  out.append(text, pos, std::string::npos);
  return out;
}

}  // namespace

StatusOr<Analyzer> Analyzer::Create() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* decompose = icu::Normalizer2::getNFKDInstance(status);
  if (U_FAILURE(status)) return Status::Internal(std::string("ICU NFKD: ") + u_errorName(status));
  const icu::Normalizer2* compose = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return Status::Internal(std::string("ICU NFC: ") + u_errorName(status));
  return Analyzer(decompose, compose);
}

std::string Analyzer::Fold(std::string_view text) const {
  return ExpandDollarAmounts(FoldCharacters(text));
}

namespace {

bool IsAsciiSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// Appends `word` folded when it is ASCII but for the typographic punctuation of
// PlainPunctuation() (curly quotes, dashes: most words of a typeset article that are not
// ASCII), which no normalisation, mark or case rule touches: the same result as
// FoldWord() without ICU's cost. False, with nothing appended, for any other word.
bool AppendPlainFolded(std::string_view word, std::string& out) {
  const size_t start = out.size();
  for (size_t i = 0; i < word.size();) {
    const auto byte = static_cast<unsigned char>(word[i]);
    if (byte < 0x80) {
      out += (byte >= 'A' && byte <= 'Z') ? static_cast<char>(byte - 'A' + 'a') : word[i];
      ++i;
      continue;
    }
    // All of them are two-byte (U+00AB, U+00BB, U+02BC) or three-byte sequences.
    const size_t length = (byte & 0xE0) == 0xC0 ? 2 : (byte & 0xF0) == 0xE0 ? 3 : 0;
    UChar32 c = -1;
    if (length != 0 && i + length <= word.size()) {
      c = byte & (length == 2 ? 0x1F : 0x0F);
      for (size_t k = 1; k < length && c >= 0; ++k) {
        const auto next = static_cast<unsigned char>(word[i + k]);
        c = (next & 0xC0) == 0x80 ? (c << 6) | (next & 0x3F) : -1;
      }
    }
    const UChar32 plain = c < 0 ? c : PlainPunctuation(c);
    if (plain == c) {  // not one of them (or invalid UTF-8): ICU's way
      out.resize(start);
      return false;
    }
    out += static_cast<char>(plain);
    i += length;
  }
  return true;
}

}  // namespace

// Words are folded one by one (ASCII spaces separate them; no normalisation, mark or case
// rule reaches across one), so an article with a few accented names pays ICU's cost for
// those words only rather than for its whole text.
std::string Analyzer::FoldCharacters(std::string_view text) const {
  if (IsAscii(text)) return AsciiLower(text);  // the common case, and 20x faster
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = pos;
    while (end < text.size() && !IsAsciiSpace(text[end])) ++end;
    std::string_view word = text.substr(pos, end - pos);
    if (!AppendPlainFolded(word, out)) out += FoldWord(word);
    while (end < text.size() && IsAsciiSpace(text[end])) out += text[end++];
    pos = end;
  }
  return out;
}

std::string Analyzer::FoldWord(std::string_view text) const {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString source = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu::UnicodeString decomposed = decompose_->normalize(source, status);
  if (U_FAILURE(status)) decomposed = source;

  icu::UnicodeString kept;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;  // the accent of a decomposed letter
    kept.append(PlainPunctuation(c));
  }
  kept.foldCase();

  status = U_ZERO_ERROR;
  icu::UnicodeString composed = compose_->normalize(kept, status);
  if (U_FAILURE(status)) composed = kept;
  std::string out;
  composed.toUTF8String(out);
  return out;
}

std::string Analyzer::FoldQuery(std::string_view query) const {
  std::string out;
  out.reserve(query.size());
  size_t pos = 0;
  while (pos < query.size()) {
    size_t space = query.find_first_of(" \t\r\n", pos);
    if (space == std::string_view::npos) space = query.size();
    std::string_view word = query.substr(pos, space - pos);
    out += IsOperatorWord(word) ? std::string(word) : Fold(word);
    if (space < query.size()) out += ' ';
    pos = space + 1;
  }
  return out;
}

std::string Analyzer::StemmerLanguage(std::string_view lang) {
  return lang == "es" ? "spanish" : "english";
}

}  // namespace archive
