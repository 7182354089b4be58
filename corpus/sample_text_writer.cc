#include "corpus/sample_text_writer.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "corpus/sample_slug.h"

namespace archive::corpus {
namespace {

constexpr std::string_view kSiteUrl = "https://example.org";
constexpr int kMaxDeck = 32;

// Upper-cases the first visible ASCII letter at or after `from` (skipping HTML tags and
// opening quotes), so templates may start with a slot such as {A}.
void CapitalizeFrom(size_t from, std::string* out) {
  bool in_tag = false;
  for (size_t i = from; i < out->size(); ++i) {
    char& c = (*out)[i];
    if (in_tag) {
      in_tag = c != '>';
    } else if (c == '<') {
      in_tag = true;
    } else if (c >= 'a' && c <= 'z') {
      c = static_cast<char>(c - 'a' + 'A');
      return;
    } else if (c != ' ') {
      return;
    }
  }
}

}  // namespace

// Writes one article's text. In HTML mode, Text() escapes and optionally turns typographic
// characters into entities, while Markup() passes tags through.
class SampleTextWriter::Composer {
 public:
  Composer(const SampleTextWriter& writer, const ArticlePlan& plan, SampleRandom& rng,
           std::string* out)
      : writer_(writer),
        vocabulary_(writer.vocabulary_),
        plan_(plan),
        rng_(rng),
        out_(out),
        html_(plan.html) {
    if (plan.storyline != nullptr) {
      storyline_sentences_ =
          &writer.storyline_sentences_[plan.storyline - vocabulary_.storylines().data()];
    }
  }

  int words() const { return words_; }

  void Markup(std::string_view markup) {
    if (html_) out_->append(markup);
  }

  void Text(std::string_view text) {
    words_ += static_cast<int>(std::count(text.begin(), text.end(), ' '));
    if (!html_) {
      out_->append(text);
      return;
    }
    size_t done = 0;
    for (size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      std::string_view replacement;
      size_t length = 1;
      if (c == '&') {
        replacement = "&amp;";
      } else if (c == '<') {
        replacement = "&lt;";
      } else if (c == '>') {
        replacement = "&gt;";
      } else if (c == '\xE2' && plan_.html_entities && i + 2 < text.size() &&
                 text[i + 1] == '\x80') {
        length = 3;
        switch (text[i + 2]) {
          case '\x99':
            replacement = "&rsquo;";
            break;
          case '\x9C':
            replacement = "&#8220;";
            break;
          case '\x9D':
            replacement = "&#8221;";
            break;
          case '\x94':
            replacement = "&mdash;";
            break;
          default:
            break;
        }
      }
      if (replacement.empty()) continue;
      out_->append(text.substr(done, i - done)).append(replacement);
      done = i + length;
      i += length - 1;
    }
    out_->append(text.substr(done));
  }

  // Expands a template's slots; `topic` supplies {N} {A} {R} {Q}; `city` forces {C}.
  void Expand(std::string_view pattern, const TopicWords& topic, int city = -1) {
    while (!pattern.empty()) {
      const size_t open = pattern.find('{');
      if (open == std::string_view::npos || open + 2 >= pattern.size()) break;
      Text(pattern.substr(0, open));
      FillSlot(pattern[open + 1], topic, city);
      pattern.remove_prefix(open + 3);
    }
    Text(pattern);
  }

  void Sentence(std::string_view pattern, const TopicWords& topic, int city = -1) {
    if (sentence_started_) Text(" ");
    const size_t start = out_->size();
    Expand(pattern, topic, city);
    CapitalizeFrom(start, out_);
    sentence_started_ = true;
  }

  void BeginParagraph() {
    if (paragraphs_ > 0 && !html_) out_->append("\n\n");
    if (paragraphs_ > 0 && html_) out_->push_back('\n');
    Markup("<p>");
    sentence_started_ = false;
    ++paragraphs_;
  }
  void EndParagraph() { Markup("</p>"); }

  const TopicWords& Topic(int slot) const {
    return vocabulary_.topic(plan_.topics[slot], plan_.lang);
  }
  const GenericWords& Generic() const { return vocabulary_.generic(plan_.lang); }

  // "By NAME and NAME, CITY", in bold in HTML.
  void Byline() {
    const GenericWords& generic = Generic();
    BeginParagraph();
    Markup("<strong>");
    Text(generic.by);
    Text(" ");
    for (int i = 0; i < plan_.author_count; ++i) {
      if (i > 0) {
        Text(" ");
        Text(generic.and_word);
        Text(" ");
      }
      Text(vocabulary_.authors()[plan_.authors[i]].name);
    }
    if (plan_.byline_city) {
      Text(", ");
      Text(vocabulary_.cities()[plan_.cities[0]].name);
    }
    Markup("</strong>");
    EndParagraph();
  }

  // "CITY — " and a lead sentence; every city of the article is named here in running text.
  void Dateline() {
    BeginParagraph();
    Text(vocabulary_.cities()[plan_.cities[0]].dateline);
    Text(" — ");
    const std::string_view lead = storyline_sentences_ != nullptr
                                      ? rng_.Pick<std::string_view>(*storyline_sentences_)
                                      : NextDominantSentence();
    Sentence(lead, Topic(0), plan_.cities[0]);
    for (int i = 0; i < plan_.city_count; ++i) {
      Sentence(rng_.Pick<std::string_view>(Generic().city_sentences), Topic(0), plan_.cities[i]);
    }
    EndParagraph();
  }

  // Two to five sentences, mostly of the dominant topic (and storyline), some of the others,
  // some quotations and some generic ones.
  void Paragraph() {
    BeginParagraph();
    const int sentences = rng_.Between(2, 5);
    for (int s = 0; s < sentences; ++s) {
      const uint32_t roll = rng_.Below(100);
      const int other =
          plan_.topic_count > 1
              ? 1 + static_cast<int>(rng_.Below(static_cast<uint32_t>(plan_.topic_count - 1)))
              : 0;
      if (storyline_sentences_ != nullptr && roll < 18) {
        Sentence(rng_.Pick<std::string_view>(*storyline_sentences_), Topic(0));
      } else if (roll < 62) {
        Sentence(NextDominantSentence(), Topic(0));
      } else if (roll < 76) {
        Sentence(rng_.Pick<std::string_view>(Topic(other).sentences), Topic(other));
      } else if (roll < 86) {
        const TopicWords& topic = Topic(rng_.Percent(70) ? 0 : other);
        Sentence(rng_.Pick<std::string_view>(Generic().quote_frames), topic);
      } else {
        Sentence(rng_.Pick<std::string_view>(Generic().sentences), Topic(0));
      }
    }
    EndParagraph();
  }

  void Closer() {
    BeginParagraph();
    Markup("<em>");
    Sentence(rng_.Pick<std::string_view>(Generic().closers), Topic(0));
    Markup("</em>");
    EndParagraph();
  }

  // The dominant topic's sentences come from a shuffled deck, so a long article repeats
  // itself as little as the tables allow.
  std::string_view NextDominantSentence() {
    const std::vector<std::string_view>& sentences = Topic(0).sentences;
    const int size = std::min(static_cast<int>(sentences.size()), kMaxDeck);
    if (deck_next_ >= size) {
      for (int i = 0; i < size; ++i) deck_[i] = static_cast<uint8_t>(i);
      for (int i = size - 1; i > 0; --i) std::swap(deck_[i], deck_[rng_.Between(0, i)]);
      deck_next_ = 0;
    }
    return sentences[deck_[deck_next_++]];
  }

 private:
  void FillSlot(char slot, const TopicWords& topic, int city) {
    switch (slot) {
      case 'N':
        FillNoun(topic, topic.nouns);
        break;
      case 'D':
        FillNoun(topic, topic.demands);
        break;
      case 'T':
        FillNoun(topic, topic.threats);
        break;
      case 'A':
        Text(rng_.Pick<std::string_view>(topic.actors));
        break;
      case 'R':
        Text(rng_.Pick<std::string_view>(topic.roles));
        break;
      case 'Q':
        Expand(rng_.Pick<std::string_view>(topic.quotes), topic);
        break;
      case 'C': {
        if (city < 0) city = plan_.cities[rng_.Below(static_cast<uint32_t>(plan_.city_count))];
        Text(vocabulary_.cities()[city].name);
        break;
      }
      case 'P': {
        Text(rng_.Pick(vocabulary_.first_names()));
        Text(" ");
        Text(rng_.Pick(vocabulary_.last_names()));
        break;
      }
      case '#': {
        char digits[8];
        const int number = rng_.Between(12, 95);
        digits[0] = static_cast<char>('0' + number / 10);
        digits[1] = static_cast<char>('0' + number % 10);
        Text(std::string_view(digits, 2));
        break;
      }
      default:
        break;
    }
  }

  // In HTML, some noun phrases become links to their topic's tag page or are emphasised.
  void FillNoun(const TopicWords& topic, const std::vector<std::string_view>& nouns) {
    const std::string_view noun = rng_.Pick<std::string_view>(nouns);
    const uint32_t roll = html_ ? rng_.Below(100) : 100;
    if (roll < 10) {
      const std::string& url = writer_.topic_tag_urls_[topic.id];
      Markup("<a href=\"");
      Markup(url);
      Markup("\">");
      Text(noun);
      Markup("</a>");
    } else if (roll < 22) {
      Markup("<em>");
      Text(noun);
      Markup("</em>");
    } else {
      Text(noun);
    }
  }

  const SampleTextWriter& writer_;
  const SampleVocabulary& vocabulary_;
  const ArticlePlan& plan_;
  SampleRandom& rng_;
  std::string* out_;
  const std::vector<std::string_view>* storyline_sentences_ = nullptr;  // or none
  bool html_;
  bool sentence_started_ = false;
  int paragraphs_ = 0;
  int words_ = 0;
  std::array<uint8_t, kMaxDeck> deck_{};
  int deck_next_ = kMaxDeck;
};

SampleTextWriter::SampleTextWriter(const SampleVocabulary& vocabulary) : vocabulary_(vocabulary) {
  for (const Storyline& storyline : vocabulary.storylines()) {
    storyline_headlines_.push_back(SampleVocabulary::SplitList(storyline.headlines));
    storyline_sentences_.push_back(SampleVocabulary::SplitList(storyline.sentences));
  }
  for (int topic = 0; topic < kTopicCount; ++topic) {
    std::string url = std::string(kSiteUrl) + "/tag/";
    AppendSlug(vocabulary.topic_name(topic), 40, &url);
    topic_tag_urls_.push_back(url + "/");
  }
}

void SampleTextWriter::WriteHeadline(const ArticlePlan& plan, SampleRandom& rng,
                                     std::string* out) const {
  ArticlePlan plain = plan;
  plain.html = false;
  Composer composer(*this, plain, rng, out);
  std::string_view pattern;
  if (plan.storyline != nullptr && rng.Percent(35)) {
    const size_t index = plan.storyline - vocabulary_.storylines().data();
    pattern = rng.Pick<std::string_view>(storyline_headlines_[index]);
  } else {
    pattern = rng.Pick<std::string_view>(composer.Topic(0).headlines);
  }
  if (rng.Percent(25) && pattern.find(':') == std::string_view::npos) {
    composer.Text(rng.Pick<std::string_view>(composer.Generic().kickers));
    composer.Text(": ");
  }
  composer.Sentence(pattern, composer.Topic(0));
}

void SampleTextWriter::WriteSummary(const ArticlePlan& plan, SampleRandom& rng,
                                    std::string* out) const {
  ArticlePlan plain = plan;
  plain.html = false;
  Composer composer(*this, plain, rng, out);
  composer.Sentence(composer.NextDominantSentence(), composer.Topic(0));
}

void SampleTextWriter::WriteBody(const ArticlePlan& plan, int words, SampleRandom& rng,
                                 std::string* out) const {
  Composer composer(*this, plan, rng, out);
  composer.Byline();
  composer.Dateline();
  while (composer.words() < words) composer.Paragraph();
  if (rng.Percent(50)) composer.Closer();
}

}  // namespace archive::corpus
