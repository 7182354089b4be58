// The parts of QueryBuilder that rewrite a parsed query rather than parse one: the
// minimum-should-match rule for long queries and the title phrase boost.
#include <algorithm>
#include <map>

#include "core/schema.h"
#include "query/query_builder.h"

namespace archive::query {
namespace {

// Beyond this many distinct clauses the "k of n" combinations grow too fast (C(12,9) =
// 220 is the most we build); a longer query (a pasted paragraph) matches any of its words.
constexpr size_t kMaxRelaxedClauses = 12;

// Per clause matched, on top of BM25, so that documents matching more of the words rank
// first; BM25's contribution of one term stays well below it on this archive.
constexpr double kCoordinationBonus = 100.0;

// A clause's identity without term positions: "strike strike" is one clause.
std::string ClauseKey(const Xapian::Query& clause) {
  std::string key = std::to_string(static_cast<int>(clause.get_type())) + ":";
  for (auto it = clause.get_terms_begin(); it != clause.get_terms_end(); ++it) key += *it + " ";
  return key;
}

void AddCombinations(const std::vector<Xapian::Query>& clauses, size_t k, size_t start,
                     std::vector<Xapian::Query>& chosen, std::vector<Xapian::Query>& out) {
  if (chosen.size() == k) {
    out.emplace_back(Xapian::Query::OP_AND, chosen.begin(), chosen.end());
    return;
  }
  for (size_t i = start; i + (k - chosen.size()) <= clauses.size(); ++i) {
    chosen.push_back(clauses[i]);
    AddCombinations(clauses, k, i + 1, chosen, out);
    chosen.pop_back();
  }
}

Xapian::Query RelaxAnd(const Xapian::Query& query) {
  std::vector<Xapian::Query> clauses;
  std::map<std::string, bool> seen;
  for (size_t i = 0; i < query.get_num_subqueries(); ++i) {
    Xapian::Query clause = query.get_subquery(i);
    if (seen.emplace(ClauseKey(clause), true).second) clauses.push_back(clause);
  }
  if (clauses.size() <= kAllWordsUpTo) return query;
  std::vector<Xapian::Query> ranked;
  for (const Xapian::Query& clause : clauses) {
    // release(): the query owns (and frees) the source; without it the source leaks.
    Xapian::Query bonus((new Xapian::FixedWeightPostingSource(kCoordinationBonus))->release());
    ranked.push_back(clause);
    ranked.emplace_back(Xapian::Query::OP_FILTER, bonus, clause);
  }
  Xapian::Query any(Xapian::Query::OP_OR, ranked.begin(), ranked.end());
  if (clauses.size() > kMaxRelaxedClauses) return any;
  std::vector<Xapian::Query> chosen, combinations;
  AddCombinations(clauses, MinimumShouldMatch(clauses.size()), 0, chosen, combinations);
  return Xapian::Query(
      Xapian::Query::OP_FILTER, any,
      Xapian::Query(Xapian::Query::OP_OR, combinations.begin(), combinations.end()));
}

}  // namespace

size_t MinimumShouldMatch(size_t clauses) {
  if (clauses <= kAllWordsUpTo) return clauses;
  return (clauses * 3 + 3) / 4;  // ceil(75%)
}

Xapian::Query RelaxToMinimumShouldMatch(const Xapian::Query& query) {
  switch (query.get_type()) {
    case Xapian::Query::OP_AND:
      return RelaxAnd(query);
    case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_FILTER: {
      // Exclusions and boolean filters apply to the words' part, which is the first.
      std::vector<Xapian::Query> parts;
      for (size_t i = 0; i < query.get_num_subqueries(); ++i)
        parts.push_back(i == 0 ? RelaxToMinimumShouldMatch(query.get_subquery(0))
                               : query.get_subquery(i));
      return Xapian::Query(query.get_type(), parts.begin(), parts.end());
    }
    default:
      return query;
  }
}

Xapian::Query QueryBuilder::TitlePhraseBoost(const std::string& text, double factor) const {
  std::string folded = analyzer_.FoldQuery(text);
  std::erase(folded, '"');
  size_t pos = 0;
  while ((pos = folded.find_first_not_of(' ', pos)) != std::string::npos) {
    size_t end = std::min(folded.find(' ', pos), folded.size());
    std::string_view token(folded.data() + pos, end - pos);
    // "Report: Stop ..." is a headline's colon; "title:x" is a field.
    const size_t colon = token.find(':');
    const bool syntax =
        token[0] == '-' || token[0] == '+' ||
        (colon != std::string_view::npos && colon + 1 < token.size()) ||
        token.find_first_of("()*") != std::string_view::npos ||
        std::any_of(token.begin(), token.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    if (syntax) return Xapian::Query();
    pos = end;
  }
  // Tokenised exactly as the indexer tokenises a title.
  Xapian::TermGenerator generator;
  Xapian::Document scratch;
  generator.set_document(scratch);
  generator.index_text(folded, 1, std::string(schema::kTitlePrefix));
  std::vector<std::pair<Xapian::termpos, std::string>> words;
  for (auto term = scratch.termlist_begin(); term != scratch.termlist_end(); ++term) {
    for (auto p = term.positionlist_begin(); p != term.positionlist_end(); ++p)
      words.emplace_back(*p, *term);
  }
  if (words.size() < 2 || words.size() > 32) return Xapian::Query();
  std::sort(words.begin(), words.end());
  std::vector<Xapian::Query> terms;
  for (const auto& word : words) terms.emplace_back(word.second);
  Xapian::Query phrase(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                       static_cast<Xapian::termcount>(terms.size()));
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, phrase, factor);
}

}  // namespace archive::query
