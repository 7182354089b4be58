#include "indexer/document_builder.h"

#include <string>

#include "core/facet_values.h"
#include "core/schema.h"

namespace archive::indexer {
namespace {

std::string Term(std::string_view prefix, std::string_view value) {
  std::string term(prefix);
  term.append(value);
  return term;
}

}  // namespace

Xapian::Document DocumentBuilder::Build(const Article& article, std::string_view hash) {
  Xapian::Document document;
  document.set_data(article.id + "\n" + std::string(hash));
  term_generator_.set_document(document);
  IndexText(article);
  AddBooleanTerms(article, document);
  AddValues(article, document);
  return document;
}

void DocumentBuilder::IndexText(const Article& article) {
  term_generator_.set_stemmer(Xapian::Stem(Analyzer::StemmerLanguage(article.lang)));
  term_generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);

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
  term_generator_.index_text(analyzer_.Fold(article.body));
}

void DocumentBuilder::AddBooleanTerms(const Article& article, Xapian::Document& document) const {
  document.add_boolean_term(Term(schema::kIdPrefix, article.id));
  document.add_boolean_term(Term(schema::kKindPrefix, article.kind));
  document.add_boolean_term(Term(schema::kLangPrefix, article.lang));
  for (const std::string& topic : article.topics)
    document.add_boolean_term(Term(schema::kTopicPrefix, analyzer_.Fold(topic)));
  for (const std::string& city : article.cities)
    document.add_boolean_term(Term(schema::kCityPrefix, analyzer_.Fold(city)));
  if (article.issue > 0)
    document.add_boolean_term(Term(schema::kIssuePrefix, std::to_string(article.issue)));
  if (article.date.size() == 10) {  // YYYY-MM-DD, validated by the reader
    document.add_boolean_term(Term(schema::kYearPrefix, article.date.substr(0, 4)));
    document.add_boolean_term(
        Term(schema::kMonthPrefix, article.date.substr(0, 4) + article.date.substr(5, 2)));
  }
}

void DocumentBuilder::AddValues(const Article& article, Xapian::Document& document) const {
  if (article.date.size() == 10) {
    document.add_value(schema::kDateSlot, article.date.substr(0, 4) + article.date.substr(5, 2) +
                                              article.date.substr(8, 2));
  }
  if (article.issue > 0)
    document.add_value(schema::kIssueSlot, Xapian::sortable_serialise(article.issue));
  document.add_value(schema::kFacetSlot, EncodeFacetValues({article.topics, article.cities}));
}

}  // namespace archive::indexer
