// Fuzz targets for the query side: what a person types plus filters, built by QueryBuilder
// and run against a small in-memory index; and the snippet renderer over any text.
//
// Query input: the first line is the typed text; each further line is "<filter> <value>"
// with filter one of topic, city, author, kind, lang, from, to, issue, sort, strict, any,
// curated (unknown lines are ignored). Requests the searcher would refuse (ValidateRequest)
// stop there, as they do in the searcher.
// Snippet input: the first line is the typed text, the second a title, the rest the body.
#include <xapian.h>

#include <charconv>
#include <string>
#include <vector>

#include "core/analyzer.h"
#include "core/article.h"
#include "indexer/document_builder.h"
#include "query/query_builder.h"
#include "query/search_run.h"
#include "query/snippet.h"
#include "query/synonyms.h"
#include "tests/fuzz/fuzz_targets.h"

namespace archive::fuzz {
namespace {

// Built once: the analyzer, synonyms and a few documents for wildcards and facets to meet.
struct QueryWorld {
  Analyzer analyzer = Analyzer::Create().value();
  Xapian::WritableDatabase db{std::string(), Xapian::DB_BACKEND_INMEMORY};

  QueryWorld() {
    indexer::DocumentBuilder builder(analyzer);
    const char* bodies[] = {"Workers struck at the Seattle port for higher wages.",
                            "La huelga de los trabajadores en Madrid duró tres días.",
                            "Tenants organised a rent strike; the union paid $15 a day."};
    int n = 0;
    for (const char* body : bodies) {
      Article article;
      article.id = "fuzz-" + std::to_string(++n);
      article.title = "Strike number " + std::to_string(n);
      article.body = body;
      article.date = "2019-0" + std::to_string(n) + "-15";
      article.issue = n;
      article.authors = {"Ana Díaz"};
      article.topics = {"Labor"};
      article.cities = {"Seattle"};
      article.lang = n == 2 ? "es" : "en";
      db.add_document(builder.Build(article, "hash" + std::to_string(n)));
    }
    db.commit();
  }
};

QueryWorld& World() {
  static QueryWorld* world = new QueryWorld();  // never destroyed: libFuzzer exits anyhow
  return *world;
}

uint32_t ToNumber(std::string_view text) {
  uint32_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

void ApplyFilter(std::string_view line, query::SearchRequest& request, query::TextMode& mode) {
  size_t space = line.find(' ');
  std::string_view name = line.substr(0, space);
  std::string value(space == std::string_view::npos ? "" : line.substr(space + 1));
  if (name == "topic") request.topics.push_back(value);
  if (name == "city") request.cities.push_back(value);
  if (name == "author") request.authors.push_back(value);
  if (name == "kind") request.kinds.push_back(value);
  if (name == "lang") request.langs.push_back(value);
  if (name == "from") request.from_date = value;
  if (name == "to") request.to_date = value;
  if (name == "issue") {
    size_t dots = value.find("..");
    request.issue_from = ToNumber(value.substr(0, dots));
    request.issue_to =
        dots == std::string::npos ? request.issue_from : ToNumber(value.substr(dots + 2));
  }
  if (name == "sort") request.sort = static_cast<query::SortOrder>(ToNumber(value) % 3);
  if (name == "strict") mode.strict = true;
  if (name == "any") mode.any_word = true;
  if (name == "curated") request.curated_topics_only = request.curated_cities_only = true;
}

}  // namespace

int FuzzQuery(const uint8_t* data, size_t size) {
  QueryWorld& world = World();
  std::string_view rest = AsText(data, size);
  std::string text(NextLine(rest));
  query::SearchRequest request;
  query::TextMode mode;
  while (!rest.empty()) ApplyFilter(NextLine(rest), request, mode);
  // The builder's precondition, as the searcher checks it (dates as YYYY-MM-DD, ...).
  if (!query::ValidateRequest(request).ok()) return 0;
  query::QueryBuilder builder(world.analyzer, world.db, &query::Synonyms::BuiltIn());
  Xapian::Query query = builder.BuildText(text, mode);
  Xapian::Query boost = builder.TitlePhraseBoost(text, 2.0);
  if (!boost.empty()) query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, boost);
  query = builder.AddFacetFilters(builder.AddFilters(query, request), request);
  for (const std::string& author : request.authors) (void)builder.AuthorQuery(author);
  Xapian::Enquire enquire(world.db);
  enquire.set_query(query);
  Xapian::MSet hits = enquire.get_mset(0, 10);
  (void)hits.get_matches_estimated();
  return 0;
}

int FuzzSnippet(const uint8_t* data, size_t size) {
  QueryWorld& world = World();
  std::string_view rest = AsText(data, size);
  std::string text(NextLine(rest));
  std::string_view title = NextLine(rest);
  query::QueryBuilder builder(world.analyzer, world.db, &query::Synonyms::BuiltIn());
  query::SnippetMaker maker(world.analyzer, builder.BuildText(text));
  query::HighlightStyle style;
  (void)maker.Snippet(rest, 30, style);
  (void)maker.Passages(rest, 12, 3, style);
  (void)maker.Occurrences(rest, 5, 20);
  style.escape_html = false;
  (void)maker.Highlight(title, style);
  (void)maker.Snippet(rest, 1, style);
  return 0;
}

}  // namespace archive::fuzz
