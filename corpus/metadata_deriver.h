// MetadataDeriver: fills in the topics and cities of an article that arrived without them,
// from its text: cities from the byline, the dateline and running text against the
// gazetteer (corpus/gazetteer.h), topics from the vocabulary model (corpus/topic_model.h).
// Derived values are marked (Article::topics_derived, cities_derived) so that searchers can
// ask for curated metadata only; curated values are never touched. corpus::ReadSource
// applies it to every article unless ReaderOptions::derive_metadata is false.
//
// Build once and reuse: Create() parses the vocabulary. Immutable; thread-safe.
#pragma once

#include "core/analyzer.h"
#include "core/article.h"
#include "core/status_or.h"
#include "corpus/derivation_options.h"
#include "corpus/gazetteer.h"
#include "corpus/topic_model.h"

namespace archive::corpus {

class MetadataDeriver {
 public:
  // Fails only if ICU cannot be loaded or the built-in vocabulary is malformed (a bug).
  static StatusOr<MetadataDeriver> Create(const DerivationOptions& options = {});

  // For kind "article": sets `topics` when empty and `cities` when empty, each from the
  // text, and marks what it set as derived. Leaves a field empty (and unmarked) when the
  // text gives no evidence: no signal, no guess. Issue records are left alone.
  void Derive(Article* article) const;

  // What Derive would set, whatever the article already holds.
  std::vector<std::string> DeriveTopics(const Article& article, std::string_view text) const;
  std::vector<std::string> DeriveCities(std::string_view text) const;

  // The article's body as plain text (HTML reduced), which both derivations read.
  static std::string PlainBody(const Article& article);

 private:
  MetadataDeriver(Analyzer analyzer, TopicModel model, const DerivationOptions& options)
      : analyzer_(analyzer), model_(std::move(model)), options_(options) {}

  Analyzer analyzer_;
  TopicModel model_;
  Gazetteer gazetteer_;
  DerivationOptions options_;
};

}  // namespace archive::corpus
