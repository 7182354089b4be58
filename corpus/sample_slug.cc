#include "corpus/sample_slug.h"

#include <cstdint>

namespace archive::corpus {
namespace {

// Base letters of U+00C0..U+00FF ('\0' for the two that have none: multiplication and
// division signs), so that "São Paulo" becomes "sao-paulo".
constexpr char kLatin1Base[64 + 1] =
    "aaaaaaaceeeeiiiidnooooo\0ouuuuyts"
    "aaaaaaaceeeeiiiidnooooo\0ouuuuyty";

// Base letter of a two-byte UTF-8 Latin letter, or '\0'.
char FoldLatin(uint8_t lead, uint8_t trail) {
  const unsigned code = ((lead & 0x1Fu) << 6) | (trail & 0x3Fu);
  if (code >= 0xC0 && code <= 0xFF) return kLatin1Base[code - 0xC0];
  // Latin Extended-A (U+0100..U+017F) comes in pairs per base letter; these are the ones
  // the vocabulary uses (ā ć č ē ł ń ō ś š ū ź ż).
  switch (code) {
    case 0x101:
      return 'a';
    case 0x107:
    case 0x10D:
      return 'c';
    case 0x113:
    case 0x119:
      return 'e';
    case 0x142:
      return 'l';
    case 0x144:
      return 'n';
    case 0x14D:
      return 'o';
    case 0x15B:
    case 0x161:
      return 's';
    case 0x16B:
      return 'u';
    case 0x17A:
    case 0x17C:
      return 'z';
    default:
      return '\0';
  }
}

}  // namespace

void AppendSlug(std::string_view text, size_t max_length, std::string* out) {
  const size_t start = out->size();
  bool pending_dash = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<uint8_t>(text[i]);
    char letter = '\0';
    if ((byte >= 'a' && byte <= 'z') || (byte >= '0' && byte <= '9')) {
      letter = static_cast<char>(byte);
    } else if (byte >= 'A' && byte <= 'Z') {
      letter = static_cast<char>(byte - 'A' + 'a');
    } else if ((byte == 0xC3 || byte == 0xC4 || byte == 0xC5) && i + 1 < text.size()) {
      letter = FoldLatin(byte, static_cast<uint8_t>(text[i + 1]));
      ++i;
    } else if (byte == '\'' || byte == 0xE2) {
      // Apostrophes vanish ("workers’" -> "workers"); other punctuation separates words.
      if (byte == 0xE2 && i + 2 < text.size() && static_cast<uint8_t>(text[i + 2]) == 0x99) {
        i += 2;
        continue;
      }
      if (byte == '\'') continue;
    }
    if (letter == '\0') {
      pending_dash = out->size() > start;
      continue;
    }
    if (out->size() - start + (pending_dash ? 2 : 1) > max_length) break;
    if (pending_dash) out->push_back('-');
    pending_dash = false;
    out->push_back(letter);
  }
  if (out->size() > start && out->back() == '-') out->pop_back();
}

}  // namespace archive::corpus
