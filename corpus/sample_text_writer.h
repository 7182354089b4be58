// SampleTextWriter: writes the headline, summary and body of one invented article from the
// sample vocabulary. Stateless apart from tables built in the constructor, so one writer can
// serve any number of articles; const methods are thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "corpus/sample_random.h"
#include "corpus/sample_vocabulary.h"

namespace archive::corpus {

// What an article is about and who wrote it, decided before any text is written.
struct ArticlePlan {
  Lang lang = Lang::kEnglish;
  int topics[3] = {0, 0, 0};  // topics[0] dominates the text
  int topic_count = 1;
  int cities[2] = {0, 0};  // indexes into SampleVocabulary::cities(); all are named in the body
  int city_count = 1;
  int authors[2] = {0, 0};  // indexes into SampleVocabulary::authors()
  int author_count = 1;
  const Storyline* storyline = nullptr;  // a recurring campaign or person, or none
  bool html = false;                     // body as HTML paragraphs instead of plain text
  bool html_entities = false;  // in HTML, write quotes and dashes as &rsquo; &#8220; &mdash;
  bool byline_city = false;    // "By NAME, CITY" rather than "By NAME"
};

class SampleTextWriter {
 public:
  // REQUIRES: `vocabulary` outlives the writer.
  explicit SampleTextWriter(const SampleVocabulary& vocabulary);

  // Appends a one-line headline. Headlines never name a city.
  void WriteHeadline(const ArticlePlan& plan, SampleRandom& rng, std::string* out) const;
  // Appends a one-sentence plain-text summary.
  void WriteSummary(const ArticlePlan& plan, SampleRandom& rng, std::string* out) const;
  // Appends a body of about `words` words: byline, dateline paragraph, paragraphs, closer.
  // Plain-text paragraphs are separated by a blank line; HTML ones are <p> elements.
  void WriteBody(const ArticlePlan& plan, int words, SampleRandom& rng, std::string* out) const;

 private:
  class Composer;  // the per-article state of WriteBody (sample_text_writer.cc)

  const SampleVocabulary& vocabulary_;
  std::vector<std::vector<std::string_view>> storyline_headlines_;
  std::vector<std::vector<std::string_view>> storyline_sentences_;
  std::vector<std::string> topic_tag_urls_;  // per topic: https://example.org/tag/<slug>/
};

}  // namespace archive::corpus
