// DocumentBuilder: Article → Xapian::Document, following core/schema.h. Module-internal
// (it exposes Xapian types). Not thread-safe: one per thread (it owns a TermGenerator).
#pragma once

#include <xapian.h>

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/analyzer.h"
#include "core/article.h"

namespace archive::indexer {

// Word → frequency, as Xapian's spelling table keeps it.
using SpellingCounts = std::unordered_map<std::string, Xapian::termcount>;

// Adds every word of `counts` to `db`'s spelling table (frequencies add up).
void AddSpelling(const SpellingCounts& counts, Xapian::WritableDatabase& db);

class DocumentBuilder {
 public:
  explicit DocumentBuilder(const Analyzer& analyzer) : analyzer_(analyzer) {}

  // REQUIRES: article.body is plain text (HTML already decoded). An empty article.lang is
  // detected from the text.
  // The document's data is "<id>\n<hash>": the stored version it was built from.
  Xapian::Document Build(const Article& article, std::string_view hash);

  // Adds the words of `document` (its unprefixed terms, each by its within-document
  // frequency) to `counts`, for the spelling table the query side suggests corrections
  // from ("did you mean"). Counted in memory and added once per word with AddSpelling():
  // TermGenerator's FLAG_SPELLING calls add_spelling for every word, a large share of
  // the indexing time (docs/indexing.md).
  static void CountSpelling(const Xapian::Document& document, SpellingCounts& counts);

 private:
  void IndexText(const Article& article, const std::string& folded_body, const std::string& lang);
  // The stemmer of `lang`'s language, one per language for the builder's life (each
  // remembers the stems it made).
  const Xapian::Stem& StemmerFor(const std::string& lang);
  void AddStems(const Xapian::Stem& stemmer);
  void AddJoinedHyphenations(const std::string& folded, std::string_view prefix,
                             const Xapian::Stem& stemmer);
  void AddBooleanTerms(const Article& article, const std::string& lang,
                       Xapian::Document& document) const;
  void AddValues(const Article& article, const std::string& folded_body,
                 Xapian::Document& document) const;
  std::string CollapseKey(const Article& article, const std::string& folded_body) const;

  const Analyzer& analyzer_;
  Xapian::TermGenerator term_generator_;
  std::map<std::string, Xapian::Stem> stemmers_;  // by Xapian language name
};

}  // namespace archive::indexer
