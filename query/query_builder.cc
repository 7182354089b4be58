#include "query/query_builder.h"

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

}  // namespace

QueryBuilder::QueryBuilder(const Analyzer& analyzer, const Xapian::Database& db)
    : analyzer_(analyzer) {
  parser_.set_database(db);
  parser_.set_stemmer(Xapian::Stem("english"));
  parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  parser_.set_default_op(Xapian::Query::OP_AND);
  parser_.set_max_expansion(kMaxWildcardExpansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
  parser_.add_prefix("title", std::string(schema::kTitlePrefix));
  parser_.add_prefix("author", std::string(schema::kAuthorPrefix));
  parser_.add_boolean_prefix("topic", std::string(schema::kTopicPrefix));
  parser_.add_boolean_prefix("city", std::string(schema::kCityPrefix));
  parser_.add_boolean_prefix("issue", std::string(schema::kIssuePrefix));
  parser_.add_boolean_prefix("year", std::string(schema::kYearPrefix));
  parser_.add_boolean_prefix("lang", std::string(schema::kLangPrefix));
}

Xapian::Query QueryBuilder::BuildText(const std::string& text) {
  const std::string folded = analyzer_.FoldQuery(text);
  if (folded.find_first_not_of(" \t\r\n") == std::string::npos) return Xapian::Query::MatchAll;
  try {
    return parser_.parse_query(folded, kFullSyntax);
  } catch (const Xapian::QueryParserError&) {
    // Unbalanced quotes, a lone operator...: read it as plain words instead.
  }
  try {
    return parser_.parse_query(folded, 0);
  } catch (const Xapian::QueryParserError&) {
    return Xapian::Query();  // nothing searchable in it: matches nothing
  }
}

Xapian::Query QueryBuilder::BooleanAnyOf(std::string_view prefix,
                                         const std::vector<std::string>& values,
                                         bool fold) const {
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
        request.to_date.empty()
            ? Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kDateSlot,
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
