// Analyzer: the text normalisation shared by indexing and querying, so that both sides
// turn "Sāwant’s CAFÉ" into the same "sawant's cafe" before Xapian tokenises it.
//
// Folding is NFKC compatibility mapping, diacritics removed, Unicode case folding, curly
// quotes and apostrophes made straight, and dashes between words made spaces. Invalid
// UTF-8 becomes U+FFFD rather than an error. Thread-safe: it holds only ICU singletons.
#pragma once

#include <unicode/uversion.h>  // only to forward-declare ICU's versioned namespace

#include <memory>
#include <string>
#include <string_view>

#include "core/status_or.h"

U_NAMESPACE_BEGIN
class Normalizer2;
U_NAMESPACE_END

namespace archive {

class Analyzer {
 public:
  // Fails only if ICU's normalisation data cannot be loaded.
  static StatusOr<Analyzer> Create();

  // Folds document or metadata text for matching. Also spells a dollar amount "$15" as
  // "15dollars 15", so that "$15" can be searched as typed (Xapian drops the sign).
  std::string Fold(std::string_view text) const;

  // Folds a query like Fold(), but leaves the words AND, OR, NOT, XOR, NEAR and ADJ as
  // typed in capitals, so Xapian's QueryParser still sees them as operators.
  std::string FoldQuery(std::string_view query) const;

  // The Xapian stemmer language for an ISO 639-1 code ("es" → "spanish", else "english").
  static std::string StemmerLanguage(std::string_view lang);

 private:
  std::string FoldCharacters(std::string_view text) const;  // Fold() before token rewrites
  std::string FoldWord(std::string_view text) const;        // FoldCharacters() through ICU

  Analyzer(const icu::Normalizer2* decompose, const icu::Normalizer2* compose)
      : decompose_(decompose), compose_(compose) {}

  const icu::Normalizer2* decompose_;  // NFKD, owned by ICU
  const icu::Normalizer2* compose_;    // NFC, owned by ICU
};

}  // namespace archive
