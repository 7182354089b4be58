#include "query/query_builder.h"

#include <algorithm>

#include "core/schema.h"

namespace archive::query {
namespace {

constexpr unsigned kFullSyntax =
    Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
    Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
    Xapian::QueryParser::FLAG_PURE_NOT;

std::string DateValue(const std::string& date) {  // YYYY-MM-DD → YYYYMMDD
  return date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2);
}

Xapian::QueryParser MakeParser(const Xapian::Database& db, const std::string& language) {
  Xapian::QueryParser parser;
  parser.set_database(db);
  parser.set_stemmer(Xapian::Stem(language));
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  parser.set_default_op(Xapian::Query::OP_AND);
  parser.set_max_expansion(kMaxWildcardExpansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
  parser.add_prefix("title", std::string(schema::kTitlePrefix));
  parser.add_prefix("author", std::string(schema::kAuthorPrefix));
  parser.add_boolean_prefix("topic", std::string(schema::kTopicPrefix));
  parser.add_boolean_prefix("city", std::string(schema::kCityPrefix));
  parser.add_boolean_prefix("issue", std::string(schema::kIssuePrefix));
  parser.add_boolean_prefix("year", std::string(schema::kYearPrefix));
  parser.add_boolean_prefix("lang", std::string(schema::kLangPrefix));
  return parser;
}

// "-rent -strike": exclusions alone mean "everything but these".
bool IsExclusionsOnly(const std::string& folded) {
  bool any = false;
  size_t pos = 0;
  while ((pos = folded.find_first_not_of(' ', pos)) != std::string::npos) {
    if (folded[pos] != '-' || pos + 1 >= folded.size() || folded[pos + 1] == ' ') return false;
    any = true;
    pos = folded.find(' ', pos);
    if (pos == std::string::npos) break;
  }
  return any;
}

}  // namespace

QueryBuilder::QueryBuilder(const Analyzer& analyzer, const Xapian::Database& db)
    : analyzer_(analyzer),
      english_parser_(MakeParser(db, "english")),
      spanish_parser_(MakeParser(db, "spanish")),
      has_spanish_(db.term_exists(std::string(schema::kLangPrefix) + "es")) {}

Xapian::Query QueryBuilder::Parse(Xapian::QueryParser& parser, const std::string& folded) {
  // Xapian reads a query of exclusions alone as if the minus signs were not there.
  if (IsExclusionsOnly(folded)) {
    std::string words = folded;
    std::replace(words.begin(), words.end(), '-', ' ');
    return Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll, Parse(parser, words));
  }
  try {
    return parser.parse_query(folded, kFullSyntax);
  } catch (const Xapian::QueryParserError&) {
    // Unbalanced quotes, a lone operator...: read it as plain words instead.
  }
  try {
    return parser.parse_query(folded, 0);
  } catch (const Xapian::QueryParserError&) {
    return Xapian::Query();  // nothing searchable in it: matches nothing
  }
}

Xapian::Query QueryBuilder::BuildText(const std::string& text) {
  const std::string folded = analyzer_.FoldQuery(text);
  if (folded.find_first_not_of(" \t\r\n") == std::string::npos) return Xapian::Query::MatchAll;
  Xapian::Query english = Parse(english_parser_, folded);
  if (!has_spanish_) return english;
  // Each article was stemmed in its own language: match each against its own stems.
  Xapian::Query spanish = Parse(spanish_parser_, folded);
  if (spanish.get_description() == english.get_description()) return english;
  const Xapian::Query in_spanish(std::string(schema::kLangPrefix) + "es");
  return Xapian::Query(Xapian::Query::OP_OR,
                       Xapian::Query(Xapian::Query::OP_AND_NOT, english, in_spanish),
                       Xapian::Query(Xapian::Query::OP_FILTER, spanish, in_spanish));
}

Xapian::Query QueryBuilder::BooleanAnyOf(std::string_view prefix,
                                         const std::vector<std::string>& values, bool fold) const {
  std::vector<Xapian::Query> terms;
  for (const std::string& value : values)
    terms.emplace_back(std::string(prefix) + (fold ? analyzer_.Fold(value) : value));
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

Xapian::Query QueryBuilder::AddFilters(const Xapian::Query& text_query,
                                       const SearchRequest& request) const {
  Xapian::Query query = text_query;
  if (!request.kinds.empty()) {
    query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                          BooleanAnyOf(schema::kKindPrefix, request.kinds, false));
  }
  if (!request.from_date.empty() || !request.to_date.empty()) {
    Xapian::Query range =
        request.to_date.empty() ? Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kDateSlot,
                                                DateValue(request.from_date))
        : request.from_date.empty()
            ? Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kDateSlot,
                            DateValue(request.to_date))
            : Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot,
                            DateValue(request.from_date), DateValue(request.to_date));
    query = Xapian::Query(Xapian::Query::OP_FILTER, query, range);
  }
  return query;
}

Xapian::Query QueryBuilder::AddFacetFilters(const Xapian::Query& base,
                                            const SearchRequest& request) const {
  Xapian::Query query = base;
  if (!request.topics.empty()) {
    query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                          BooleanAnyOf(schema::kTopicPrefix, request.topics, true));
  }
  if (!request.cities.empty()) {
    query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                          BooleanAnyOf(schema::kCityPrefix, request.cities, true));
  }
  return query;
}

}  // namespace archive::query
