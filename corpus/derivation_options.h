// The knobs of metadata derivation (corpus/metadata_deriver.h). The defaults were tuned on
// the sample archive of seed 1 and measured on seed 2 (docs/derivation.md); change them only
// with a new measurement.
#pragma once

#include <cstddef>

namespace archive::corpus {

struct TopicThresholds {
  // The dominant topic needs at least this much matched weight (title counted twice), so
  // that an article without signal gets no topic rather than a guess.
  double min_score = 8.0;
  // ... and at least this much weight per 100 words, so that a long article with a few
  // stray words gets none either.
  double min_density = 1.0;
  // Another topic is added when its weight reaches this share of the dominant topic's.
  double secondary_ratio = 0.12;
  // ... and this much weight per 100 words.
  double secondary_density = 1.0;
  size_t max_topics = 3;
};

struct DerivationOptions {
  TopicThresholds topics;
  size_t max_cities = 3;  // the strongest evidence first
};

}  // namespace archive::corpus
