#include "query/cli_options.h"

#include <CLI/CLI.hpp>
#include <iostream>

namespace archive::query {
namespace {

bool AllDigits(const std::string& text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
}

// YYYY, YYYY-MM or YYYY-MM-DD as a day: the first of the period, or its last (`upper`).
std::string DateBound(const std::string& text, bool upper) {
  if (text.size() == 4 && AllDigits(text)) return text + (upper ? "-12-31" : "-01-01");
  if (text.size() == 7 && text[4] == '-') return text + (upper ? "-31" : "-01");
  return text;  // the searcher validates the rest
}

// "42" or "90..100" (either end may be left out).
bool ParseIssues(const std::string& text, SearchRequest& request) {
  const size_t dots = text.find("..");
  const std::string low = dots == std::string::npos ? text : text.substr(0, dots);
  const std::string high = dots == std::string::npos ? text : text.substr(dots + 2);
  if ((!low.empty() && !AllDigits(low)) || (!high.empty() && !AllDigits(high)) || low.size() > 9 ||
      high.size() > 9)
    return false;
  request.issue_from = low.empty() ? 0 : static_cast<uint32_t>(std::stoul(low));
  request.issue_to = high.empty() ? 0 : static_cast<uint32_t>(std::stoul(high));
  return true;
}

std::vector<std::string> SplitCommas(const std::string& text) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t comma = std::min(text.find(',', pos), text.size());
    if (comma > pos) out.push_back(text.substr(pos, comma - pos));
    pos = comma + 1;
  }
  return out;
}

}  // namespace

int ParseCommandLine(int argc, char** argv, bool terminal, CliArgs& args) {
  CLI::App app{"archive-search: search the archive's index"};
  SearchRequest& request = args.request;
  uint32_t page = 1;
  std::string sort = "relevance", issues, facets, from, to;
  std::vector<std::string> words;
  bool curated = false;
  std::vector<std::string> indexes;
  std::string shards_file, shard_failure = "partial";
  CLI::Option* index_option = app.add_option(
      "--index", indexes,
      "Index directory; repeat it, or give tcp://HOST:PORT=DIR, to search shards as one index");
  app.add_option("--shards", shards_file, "A file listing the shards to search as one index")
      ->excludes(index_option);
  app.add_option("--shard-timeout", args.searcher.shard_timeout_ms,
                 "Milliseconds a remote shard may take to connect or reply (default 5000)")
      ->check(CLI::Range(1, 600000));
  app.add_option("--shard-failure", shard_failure,
                 "partial: answer without an unreachable shard and say so; fail: an error")
      ->check(CLI::IsMember({"partial", "fail"}));
  app.add_option("--format", args.format, "text, json, jsonl, csv, bibtex, ris or trec")
      ->check(CLI::IsMember({"text", "json", "jsonl", "csv", "bibtex", "ris", "trec"}));
  app.add_option("--limit", request.limit, "Hits per page (default 10; trec: 1000)")
      ->check(CLI::Range(1u, kMaxLimit));
  app.add_option("--page", page, "Page number, from 1")->check(CLI::Range(1u, 10000u));
  // One value per occurrence, so that "--topic Labor strike" leaves "strike" to the query.
  app.add_option("--topic", request.topics, "Only this topic (repeatable: any of them)")
      ->allow_extra_args(false);
  app.add_option("--city", request.cities, "Only this city (repeatable: any of them)")
      ->allow_extra_args(false);
  app.add_option("--author", request.authors, "Only this author (repeatable: any of them)")
      ->allow_extra_args(false);
  app.add_option("--lang", request.langs, "Only this language, e.g. es (repeatable)")
      ->allow_extra_args(false);
  app.add_option("--kind", request.kinds, "article or issue (repeatable; default article)")
      ->allow_extra_args(false);
  app.add_flag("--curated", curated, "Only articles whose topics and cities were not derived");
  app.add_option("--from", from, "Earliest date: YYYY, YYYY-MM or YYYY-MM-DD");
  app.add_option("--to", to, "Latest date: YYYY, YYYY-MM or YYYY-MM-DD");
  app.add_option("--issue", issues, "Printed issue N or range A..B");
  app.add_option("--sort", sort, "relevance, newest or oldest")
      ->check(CLI::IsMember({"relevance", "newest", "oldest"}));
  app.add_option("--facets", facets, "Facet counts to show: topic,city,year,author,issue");
  app.add_flag("--count", request.count_only, "Print the number of matches only");
  app.add_option("--histogram", args.histogram, "Matches per year or month")
      ->check(CLI::IsMember({"year", "month"}));
  app.add_option("--split", args.split_by, "Histogram series per topic or city")
      ->check(CLI::IsMember({"topic", "city"}));
  app.add_option("--kwic", args.kwic, "Keyword in context with N words either side")
      ->check(CLI::Range(1u, 50u));
  app.add_option("--kwic-sort", args.kwic_sort, "document, left or right")
      ->check(CLI::IsMember({"document", "left", "right"}));
  app.add_flag("--export", args.export_all, "Every hit, streamed (ignores --limit)");
  app.add_option("--like", request.like_id, "Articles like this article id");
  app.add_flag("--strict", request.strict, "No stemming, typo correction or synonyms");
  app.add_flag("--explain", request.explain, "Show the query as run");
  app.add_option("--passages", request.snippet_passages, "Snippet passages per hit")
      ->check(CLI::Range(1u, 10u));
  CLI::Option* queries =
      app.add_option("--queries", args.queries_file,
                     "Batch: run every qid<TAB>query line of FILE, results tagged with the qid");
  app.add_flag("--timing", args.timing, "Batch: qid<TAB>microseconds per query on standard error")
      ->needs(queries);
  app.add_option("--run-tag", args.run_tag, "TREC run name");
  app.add_option("--bm25-k1", args.searcher.bm25_k1, "BM25 k1 (evaluation)");
  app.add_option("--bm25-b", args.searcher.bm25_b, "BM25 b (evaluation)");
  app.add_option("--title-boost", args.searcher.title_phrase_boost, "Title phrase boost");
  app.add_option("query", words, "The query (words, \"phrases\", field:value, ...)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    int code = app.exit(error);
    return code == 0 ? 0 : kExitError;
  }
  if (!args.queries_file.empty() &&
      (args.format == "bibtex" || args.format == "ris" || !words.empty() ||
       !args.histogram.empty() || args.kwic > 0 || args.export_all)) {
    std::cerr << "archive-search: --queries takes its queries from the file, and writes text, "
                 "json, jsonl, csv or trec (not bibtex, ris, --histogram, --kwic or --export)\n";
    return kExitError;
  }
  if (indexes.empty() && shards_file.empty()) {
    std::cerr << "archive-search: --index DIR (or --shards FILE) is required\n";
    return kExitError;
  }
  if (!shards_file.empty()) indexes = {shards_file};
  args.searcher.index_dir = indexes.front();
  if (indexes.size() > 1 || indexes.front().starts_with("tcp://")) args.searcher.shards = indexes;
  args.searcher.shard_partial = shard_failure == "partial";
  for (const std::string& word : words) request.query += (request.query.empty() ? "" : " ") + word;
  if (!issues.empty() && !ParseIssues(issues, request)) {
    std::cerr << "archive-search: --issue: expected N or A..B, got \"" << issues << "\"\n";
    return kExitError;
  }
  if (!from.empty()) request.from_date = DateBound(from, false);
  if (!to.empty()) request.to_date = DateBound(to, true);
  if (app.count("--kind") > 0) request.kinds.erase(request.kinds.begin());  // drop the default
  request.curated_topics_only = request.curated_cities_only = curated;
  request.facet_names = SplitCommas(facets);
  // --count prints the number of articles only: no facet is counted (a facet count counts
  // both copies of an article printed and posted, the total each article once).
  request.want_facets = !request.facet_names.empty() && !request.count_only;
  if (args.format == "trec" && app.count("--limit") == 0) request.limit = 1000;
  request.offset = (page - 1) * request.limit;
  request.sort = sort == "newest"   ? SortOrder::kNewest
                 : sort == "oldest" ? SortOrder::kOldest
                                    : SortOrder::kRelevance;
  request.escape_html = false;
  request.highlight_pre = terminal ? "\033[1m" : "";
  request.highlight_post = terminal ? "\033[0m" : "";
  if (args.format == "trec") {  // ids, ranks and scores: nothing else is read
    request.snippet_words = 0;
    request.ids_only = true;
  }
  return -1;
}

}  // namespace archive::query
