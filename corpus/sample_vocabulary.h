// SampleVocabulary: the invented words, places and people the sample archive is written from.
// Every topic has its own English and Spanish word lists, so that an article's topic can be
// recovered from its text. Built once from constant tables; immutable and thread-safe after.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace archive::corpus {

enum class Lang { kEnglish, kSpanish };

enum TopicId : int {
  kLabor,
  kElections,
  kHousing,
  kAntiWar,
  kClimate,
  kFightingRacism,
  kWomensLiberation,
  kFightFor15,
  kHealthCare,
  kInternational,
  kLgbtqRights,
  kYouthAndStudents,
  kSocialistTheory,
  kPalestine,
  kIndependentPolitics,
  kImmigration,
  kTopicCount,
};

// One topic in one language, as written in the sample_topics_*.cc tables. Lists are
// '|'-separated so that the tables read like prose. Template slots: {N} any noun phrase of the
// topic, {D} one the movement demands, {T} one it fights against, {A} a group of people, {C}
// one of the article's cities, {P} a person, {#} a number.
struct TopicText {
  TopicId id;
  const char* name;       // facet value, e.g. "Housing" (English table only)
  const char* markers;    // space-separated lowercase words used by this topic alone
  const char* nouns;      // "lease renewals|+rent control|-mass evictions": + demand, - threat
  const char* actors;     // plural groups: "tenants|renters|..."
  const char* roles;      // "a tenant organizer|..." (after a quoted person's name)
  const char* headlines;  // headline templates
  const char* sentences;  // body sentence templates
  const char* quotes;     // what people in this topic say (without quotation marks)
};

std::span<const TopicText> WorkplaceTopicTexts();  // sample_topics_workplace.cc
std::span<const TopicText> MovementTopicTexts();   // sample_topics_movements.cc
std::span<const TopicText> SpanishTopicTexts();    // sample_topics_spanish.cc

// A parsed TopicText.
struct TopicWords {
  TopicId id = kLabor;
  std::string_view name;
  std::vector<std::string_view> markers, actors, roles, headlines, sentences, quotes;
  std::vector<std::string_view> nouns;    // every noun phrase: demands, threats and the rest
  std::vector<std::string_view> demands;  // what the topic's movement fights for
  std::vector<std::string_view> threats;  // what it fights against
};

struct City {
  std::string_view name;      // as it appears in running text and in the `cities` field
  std::string_view dateline;  // upper-case form that opens an article: "SÃO PAULO"
  bool international;
};

struct Author {
  std::string name;
  int home_city;  // index into SampleVocabulary::cities()
};

// A recurring person, campaign or event that appears across years of the archive.
struct Storyline {
  TopicId topic;
  TopicId second_topic;  // == topic when the storyline has a single topic
  const char* city;      // every article of the storyline reports from here
  int first_year, last_year;
  const char* headlines;  // '|'-separated
  const char* sentences;  // '|'-separated; may use {N} {A} {C} {P} {#} of its topic
};

// Words that belong to no topic, per language.
struct GenericWords {
  std::vector<std::string_view> sentences;       // no topic words; may use {C} {P} {#}
  std::vector<std::string_view> city_sentences;  // must use {C}: how a second city is brought in
  std::vector<std::string_view> quote_frames;    // {Q} = quote, {P} = person, {R} = role
  std::vector<std::string_view> closers;         // last paragraph
  std::vector<std::string_view> kickers;         // optional headline openers: "Interview"
  std::string_view by;                           // "By" / "Por"
  std::string_view and_word;                     // "and" / "y"
};

class SampleVocabulary {
 public:
  SampleVocabulary();
  SampleVocabulary(const SampleVocabulary&) = delete;
  SampleVocabulary& operator=(const SampleVocabulary&) = delete;

  std::string_view topic_name(int topic) const { return english_[topic].name; }
  const TopicWords& topic(int topic, Lang lang) const {
    return lang == Lang::kEnglish ? english_[topic] : spanish_[topic];
  }
  const GenericWords& generic(Lang lang) const {
    return lang == Lang::kEnglish ? generic_english_ : generic_spanish_;
  }
  std::span<const City> cities() const;
  std::span<const Author> authors() const { return authors_; }
  std::span<const Storyline> storylines() const;
  // Invented first and last names for quoted people (never city names).
  std::span<const std::string_view> first_names() const;
  std::span<const std::string_view> last_names() const;
  // Relative weight of each topic as the dominant topic of an article.
  std::span<const uint32_t> topic_weights() const;

  // Splits "a|b|c" into views of the literal.
  static std::vector<std::string_view> SplitList(std::string_view list, char separator = '|');

 private:
  std::vector<TopicWords> english_, spanish_;
  GenericWords generic_english_, generic_spanish_;
  std::vector<Author> authors_;
};

}  // namespace archive::corpus
