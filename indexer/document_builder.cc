#include "indexer/document_builder.h"

#include <cctype>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/facet_values.h"
#include "core/language_detection.h"
#include "core/schema.h"

namespace archive::indexer {
namespace {

std::string Term(std::string_view prefix, std::string_view value) {
  std::string term(prefix);
  term.append(value);
  return term;
}

bool IsWordByte(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return std::isalnum(byte) || byte >= 0x80;
}

// "anti-war" and "ocasio-cortez": Xapian indexes the parts (and a typed "anti-war" is a
// phrase of them), so the joined forms ("antiwar") are what is missing.
// Looks only around hyphens (memchr), not at every word of a body.
std::vector<std::string> JoinedHyphenations(std::string_view folded) {
  std::vector<std::string> joined;
  size_t pos = 0;
  while ((pos = folded.find('-', pos)) != std::string_view::npos) {
    if (pos == 0 || pos + 1 >= folded.size() || !IsWordByte(folded[pos - 1]) ||
        !IsWordByte(folded[pos + 1])) {
      ++pos;
      continue;
    }
    size_t start = pos;  // of the word before the hyphen
    while (start > 0 && IsWordByte(folded[start - 1])) --start;
    std::string word;
    while (true) {
      size_t end = start;
      while (end < folded.size() && IsWordByte(folded[end])) ++end;
      word.append(folded, start, end - start);
      start = end;
      if (start + 1 < folded.size() && folded[start] == '-' && IsWordByte(folded[start + 1])) {
        ++start;
        continue;
      }
      break;
    }
    joined.push_back(std::move(word));
    pos = start;
  }
  return joined;
}

// TermGenerator's STEM_SOME rule: a word is stemmed when its first character is a letter
// (lower, title, modifier or other case; the text is folded, so never an upper case one).
bool BeginsStemmableWord(unsigned ch) {
  switch (Xapian::Unicode::get_category(ch)) {
    case Xapian::Unicode::LOWERCASE_LETTER:
    case Xapian::Unicode::TITLECASE_LETTER:
    case Xapian::Unicode::MODIFIER_LETTER:
    case Xapian::Unicode::OTHER_LETTER:
      return true;
    default:
      return false;
  }
}

// Snowball costs ~2,000 instructions a word; with TermGenerator's STEM_SOME it ran once per
// word occurrence, 19% of a rebuild's instructions under callgrind. AddStems() now asks
// once per distinct word of an article, and the words of a part's articles repeat (its
// vocabulary is a few thousand words), so the stems are remembered too. Bounded: an odd
// vocabulary (numbers, names) starts the memory afresh.
class CachingStemmer : public Xapian::StemImplementation {
 public:
  explicit CachingStemmer(const std::string& language) : stemmer_(language) {}

  std::string operator()(const std::string& word) override {
    if (auto it = stems_.find(word); it != stems_.end()) return it->second;
    if (stems_.size() >= kMaxWords) stems_.clear();
    return stems_.emplace(word, stemmer_(word)).first->second;
  }

  std::string get_description() const override {
    return "CachingStemmer(" + stemmer_.get_description() + ")";
  }

 private:
  static constexpr size_t kMaxWords = 200000;
  const Xapian::Stem stemmer_;
  std::unordered_map<std::string, std::string> stems_;
};

}  // namespace

void AddSpelling(const SpellingCounts& counts, Xapian::WritableDatabase& db) {
  for (const auto& [word, frequency] : counts) db.add_spelling(word, frequency);
}

void DocumentBuilder::CountSpelling(const Xapian::Document& document, SpellingCounts& counts) {
  for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
    const std::string& word = *term;
    // Prefixes (and so the stemmed Z forms) are capitals; folded words never are.
    if (word.empty() || (word[0] >= 'A' && word[0] <= 'Z')) continue;
    counts[word] += term.get_wdf();
  }
}

Xapian::Document DocumentBuilder::Build(const Article& article, std::string_view hash) {
  Xapian::Document document;
  document.set_data(article.id + "\n" + std::string(hash));
  term_generator_.set_document(document);
  const std::string body = analyzer_.Fold(article.body);
  // A source that does not name the language gets it guessed, so that the text is
  // stemmed as the language it is written in (and filters on lang: work).
  const std::string lang = article.lang.empty() ? DetectLanguage(body) : article.lang;
  IndexText(article, body, lang);
  AddBooleanTerms(article, lang, document);
  AddValues(article, body, document);
  return document;
}

void DocumentBuilder::IndexText(const Article& article, const std::string& body,
                                const std::string& lang) {
  const Xapian::Stem& stemmer = StemmerFor(lang);
  // Words only, with positions: the Z stems come after, once per distinct word (AddStems).
  term_generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_NONE);

  const std::string title = analyzer_.Fold(article.title);
  term_generator_.index_text(title, 1, std::string(schema::kTitlePrefix));
  // Title words count kTitleWeight times in the unprefixed text, so that a plain query
  // ranks a headline match above a passing mention in a body.
  term_generator_.index_text(title, schema::kTitleWeight);
  for (const std::string& author : article.authors) {
    term_generator_.increase_termpos();
    term_generator_.index_text(analyzer_.Fold(author), 1, std::string(schema::kAuthorPrefix));
  }
  term_generator_.increase_termpos();
  term_generator_.index_text(analyzer_.Fold(article.summary));
  term_generator_.increase_termpos();
  term_generator_.index_text(body);
  AddStems(stemmer);
  AddJoinedHyphenations(title, schema::kTitlePrefix, stemmer);
  AddJoinedHyphenations(title, "", stemmer);
  AddJoinedHyphenations(body, "", stemmer);
}

// What TermGenerator's STEM_SOME adds, the same terms with the same wdf, at a quarter of
// the cost: STEM_SOME stems and adds "Z" + prefix + stem once per word occurrence (a map
// lookup in the document each time, 8% of a rebuild's instructions); here each distinct
// word is stemmed once and its Z term added with the word's wdf. As STEM_SOME does, only
// words that begin with a letter are stemmed, and an empty stem adds nothing.
// REQUIRES: the document holds only the words of index_text() so far (prefix "", S or A).
void DocumentBuilder::AddStems(const Xapian::Stem& stemmer) {
  Xapian::Document document = term_generator_.get_document();
  std::vector<std::pair<std::string, Xapian::termcount>> stems;
  for (auto it = document.termlist_begin(); it != document.termlist_end(); ++it) {
    const std::string& term = *it;
    size_t prefix_length = 0;
    while (prefix_length < term.size() && term[prefix_length] >= 'A' && term[prefix_length] <= 'Z')
      ++prefix_length;
    if (prefix_length == term.size()) continue;
    const unsigned first =
        *Xapian::Utf8Iterator(term.data() + prefix_length, term.size() - prefix_length);
    if (!BeginsStemmableWord(first)) continue;
    std::string stem = stemmer(term.substr(prefix_length));
    if (stem.empty()) continue;
    std::string stemmed = "Z";  // built up piecewise: GCC 12 warns wrongly on "Z" + string
    stemmed.append(term, 0, prefix_length).append(stem);
    stems.emplace_back(std::move(stemmed), it.get_wdf());
  }
  for (const auto& [stemmed, wdf] : stems) document.add_term(stemmed, wdf);
}

const Xapian::Stem& DocumentBuilder::StemmerFor(const std::string& lang) {
  const std::string language = Analyzer::StemmerLanguage(lang);
  auto it = stemmers_.find(language);
  if (it == stemmers_.end())
    it = stemmers_.emplace(language, Xapian::Stem(new CachingStemmer(language))).first;
  return it->second;
}

void DocumentBuilder::AddJoinedHyphenations(const std::string& folded, std::string_view prefix,
                                            const Xapian::Stem& stemmer) {
  Xapian::Document document = term_generator_.get_document();
  for (const std::string& word : JoinedHyphenations(folded)) {
    document.add_term(Term(prefix, word));
    std::string stemmed = "Z";  // built up piecewise: GCC 12 warns wrongly on "Z" + string
    stemmed.append(prefix).append(stemmer(word));
    document.add_term(stemmed);
  }
}

void DocumentBuilder::AddBooleanTerms(const Article& article, const std::string& lang,
                                      Xapian::Document& document) const {
  document.add_boolean_term(Term(schema::kIdPrefix, article.id));
  document.add_boolean_term(Term(schema::kKindPrefix, article.kind));
  document.add_boolean_term(Term(schema::kLangPrefix, lang));
  for (const std::string& topic : article.topics)
    document.add_boolean_term(Term(schema::kTopicPrefix, analyzer_.Fold(topic)));
  for (const std::string& city : article.cities)
    document.add_boolean_term(Term(schema::kCityPrefix, analyzer_.Fold(city)));
  if (article.issue > 0)
    document.add_boolean_term(Term(schema::kIssuePrefix, std::to_string(article.issue)));
  if (article.topics_derived) document.add_boolean_term(Term(schema::kDerivedPrefix, "topics"));
  if (article.cities_derived) document.add_boolean_term(Term(schema::kDerivedPrefix, "cities"));
  if (article.date.size() == 10) {  // YYYY-MM-DD, validated by the reader
    document.add_boolean_term(Term(schema::kYearPrefix, article.date.substr(0, 4)));
    document.add_boolean_term(
        Term(schema::kMonthPrefix, article.date.substr(0, 4) + article.date.substr(5, 2)));
  }
}

void DocumentBuilder::AddValues(const Article& article, const std::string& folded_body,
                                Xapian::Document& document) const {
  if (article.date.size() == 10) {
    document.add_value(schema::kDateSlot, article.date.substr(0, 4) + article.date.substr(5, 2) +
                                              article.date.substr(8, 2));
  }
  if (article.issue > 0)
    document.add_value(schema::kIssueSlot, Xapian::sortable_serialise(article.issue));
  document.add_value(schema::kFacetSlot,
                     EncodeFacetValues({article.topics, article.cities}, article.authors));
  document.add_value(schema::kCollapseSlot, CollapseKey(article, folded_body));
}

// The same article printed in an issue and posted on the web has the same headline, month
// and opening words under two ids; headlines alone repeat too often to be the key.
std::string DocumentBuilder::CollapseKey(const Article& article,
                                         const std::string& folded_body) const {
  if (article.kind != "article" || article.date.size() != 10) return "";
  constexpr size_t kOpeningChars = 200;
  std::string opening;
  for (char c : folded_body) {
    if (opening.size() == kOpeningChars) break;
    if (IsWordByte(c)) opening += c;
  }
  return analyzer_.Fold(article.title) + "|" + article.date.substr(0, 4) +
         article.date.substr(5, 2) + "|" + opening;
}

}  // namespace archive::indexer
