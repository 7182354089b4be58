#include "query/query_builder.h"

#include <algorithm>

#include "core/schema.h"
#include "query/range_processors.h"

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
  if (language.empty()) {
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_NONE);
  } else {
    parser.set_stemmer(Xapian::Stem(language));
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  }
  parser.set_default_op(Xapian::Query::OP_AND);
  parser.set_max_expansion(kMaxWildcardExpansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
  parser.add_prefix("title", std::string(schema::kTitlePrefix));
  parser.add_prefix("author", std::string(schema::kAuthorPrefix));
  parser.add_boolean_prefix("topic", std::string(schema::kTopicPrefix));
  parser.add_boolean_prefix("city", std::string(schema::kCityPrefix));
  parser.add_boolean_prefix("issue", std::string(schema::kIssuePrefix));
  parser.add_boolean_prefix("year", std::string(schema::kYearPrefix));
  parser.add_boolean_prefix("lang", std::string(schema::kLangPrefix));
  AddRangeProcessors(parser);
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

// Explicit operators, requirements or grouping: the person said how words combine, so
// the minimum-should-match rule stays out of it.
bool HasExplicitStructure(const std::string& folded) {
  size_t pos = 0;
  while ((pos = folded.find_first_not_of(' ', pos)) != std::string::npos) {
    size_t end = std::min(folded.find(' ', pos), folded.size());
    std::string_view token(folded.data() + pos, end - pos);
    if (token[0] == '+' || token.find('(') != std::string_view::npos) return true;
    if (token == "AND" || token == "OR" || token == "NOT" || token == "XOR" ||
        token.starts_with("NEAR") || token.starts_with("ADJ"))
      return true;
    pos = end;
  }
  return false;
}

}  // namespace

struct QueryBuilder::Parsers {
  explicit Parsers(const Xapian::Database& db)
      : english(MakeParser(db, "english")),
        spanish(MakeParser(db, "spanish")),
        strict(MakeParser(db, "")) {}
  Xapian::QueryParser english;
  Xapian::QueryParser spanish;
  Xapian::QueryParser strict;
};

QueryBuilder::QueryBuilder(const Analyzer& analyzer, const Xapian::Database& db,
                           const Synonyms* synonyms)
    : analyzer_(analyzer),
      synonyms_(synonyms),
      parsers_(std::make_unique<Parsers>(db)),
      has_spanish_(db.term_exists(std::string(schema::kLangPrefix) + "es")),
      doccount_(db.get_doccount()) {
  const std::string prefix(schema::kKindPrefix);
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it)
    kinds_.emplace_back(*it, it.get_termfreq());
}

QueryBuilder::~QueryBuilder() = default;

Xapian::Query QueryBuilder::ParseIn(Xapian::QueryParser& parser, const std::string& folded,
                                    TextMode mode) const {
  // Xapian reads a query of exclusions alone as if the minus signs were not there.
  if (IsExclusionsOnly(folded)) {
    std::string words = folded;
    std::replace(words.begin(), words.end(), '-', ' ');
    return Xapian::Query(Xapian::Query::OP_AND_NOT, MatchAllQuery(), ParseIn(parser, words, mode));
  }
  const bool relax = !mode.strict && !mode.any_word && !HasExplicitStructure(folded);
  parser.set_default_op(mode.any_word ? Xapian::Query::OP_OR : Xapian::Query::OP_AND);
  std::vector<std::string> attempts;
  if (!mode.strict && synonyms_ != nullptr) {
    std::string expanded = synonyms_->Expand(folded);
    if (expanded != folded) attempts.push_back(std::move(expanded));
  }
  attempts.push_back(folded);
  for (const std::string& text : attempts) {
    try {
      Xapian::Query query = parser.parse_query(text, kFullSyntax);
      return relax ? RelaxToMinimumShouldMatch(query) : query;
    } catch (const Xapian::QueryParserError&) {
      // Unbalanced quotes, a lone operator...: try the next reading.
    }
  }
  try {
    Xapian::Query query = parser.parse_query(folded, 0);  // plain words
    return relax ? RelaxToMinimumShouldMatch(query) : query;
  } catch (const Xapian::QueryParserError&) {
    return Xapian::Query();  // nothing searchable in it: matches nothing
  }
}

Xapian::Query QueryBuilder::BuildText(const std::string& text, TextMode mode) {
  const std::string folded = analyzer_.FoldQuery(text);
  if (folded.find_first_not_of(" \t\r\n") == std::string::npos) return MatchAllQuery();
  if (mode.strict) return ParseIn(parsers_->strict, folded, mode);
  Xapian::Query english = ParseIn(parsers_->english, folded, mode);
  if (!has_spanish_) return english;
  // Each article was stemmed in its own language: match each against its own stems.
  Xapian::Query spanish = ParseIn(parsers_->spanish, folded, mode);
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

// Each document has exactly one kind term, so "one of these kinds" is "none of the
// others". The kinds asked for usually hold nearly every document ("article"): as a
// filter the matcher would step through that long posting list for every candidate
// (profiled: the larger part of a facet pass at 100,000 articles); the exclusion reads
// the short lists of the other kinds.
Xapian::Query QueryBuilder::KindFilter(const Xapian::Query& query,
                                       const std::vector<std::string>& kinds) const {
  const std::string prefix(schema::kKindPrefix);
  Xapian::doccount kept = 0;
  std::vector<Xapian::Query> others;
  for (const auto& [term, frequency] : kinds_) {
    if (std::find(kinds.begin(), kinds.end(), term.substr(prefix.size())) != kinds.end()) {
      kept += frequency;
    } else {
      others.emplace_back(term);
    }
  }
  if (doccount_ == 0 || kept <= doccount_ / 2) {
    return Xapian::Query(Xapian::Query::OP_FILTER, query,
                         BooleanAnyOf(schema::kKindPrefix, kinds, false));
  }
  if (others.empty()) return query;
  return Xapian::Query(Xapian::Query::OP_AND_NOT, query,
                       Xapian::Query(Xapian::Query::OP_OR, others.begin(), others.end()));
}

Xapian::Query QueryBuilder::AddFilters(const Xapian::Query& text_query,
                                       const SearchRequest& request) const {
  auto filter = [](const Xapian::Query& query, const Xapian::Query& by) {
    return Xapian::Query(Xapian::Query::OP_FILTER, query, by);
  };
  Xapian::Query query = text_query;
  if (!request.kinds.empty()) query = KindFilter(query, request.kinds);
  if (!request.langs.empty())
    query = filter(query, BooleanAnyOf(schema::kLangPrefix, request.langs, true));
  if (!request.from_date.empty() || !request.to_date.empty()) {
    Xapian::Query range =
        request.to_date.empty() ? Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kDateSlot,
                                                DateValue(request.from_date))
        : request.from_date.empty()
            ? Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kDateSlot,
                            DateValue(request.to_date))
            : Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot,
                            DateValue(request.from_date), DateValue(request.to_date));
    query = filter(query, range);
  }
  if (request.issue_from > 0 || request.issue_to > 0) {
    const double low = request.issue_from > 0 ? request.issue_from : 1;
    Xapian::Query range = request.issue_to > 0
                              ? Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kIssueSlot,
                                              Xapian::sortable_serialise(low),
                                              Xapian::sortable_serialise(request.issue_to))
                              : Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kIssueSlot,
                                              Xapian::sortable_serialise(low));
    query = filter(query, range);
  }
  if (request.curated_topics_only) {
    query = Xapian::Query(Xapian::Query::OP_AND_NOT, query,
                          Xapian::Query(std::string(schema::kDerivedTopicsTerm)));
  }
  if (request.curated_cities_only) {
    query = Xapian::Query(Xapian::Query::OP_AND_NOT, query,
                          Xapian::Query(std::string(schema::kDerivedCitiesTerm)));
  }
  return query;
}

Xapian::Query QueryBuilder::AuthorQuery(const std::string& name) const {
  // Authors are indexed as A-prefixed words, one name after another with a gap between.
  Xapian::TermGenerator generator;
  Xapian::Document scratch;
  generator.set_document(scratch);
  generator.index_text(analyzer_.Fold(name), 1, std::string(schema::kAuthorPrefix));
  std::vector<std::pair<Xapian::termpos, std::string>> words;
  for (auto term = scratch.termlist_begin(); term != scratch.termlist_end(); ++term) {
    for (auto pos = term.positionlist_begin(); pos != term.positionlist_end(); ++pos)
      words.emplace_back(*pos, *term);
  }
  std::sort(words.begin(), words.end());
  std::vector<Xapian::Query> terms;
  for (const auto& word : words) terms.emplace_back(word.second);
  if (terms.empty()) return Xapian::Query::MatchNothing;
  Xapian::Query phrase(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                       static_cast<Xapian::termcount>(terms.size()));
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, phrase, 0.0);
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
  if (!request.authors.empty()) {
    std::vector<Xapian::Query> names;
    for (const std::string& author : request.authors) names.push_back(AuthorQuery(author));
    query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                          Xapian::Query(Xapian::Query::OP_OR, names.begin(), names.end()));
  }
  return query;
}

}  // namespace archive::query
