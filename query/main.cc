// archive-search: the researcher's command line over the query library.
//   archive-search --index DIR [--format text|jsonl] [--limit N] [--] QUERY
#include <fmt/core.h>
#include <fmt/ranges.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <nlohmann/json.hpp>

#include "query/searcher.h"

namespace {

using archive::query::Hit;
using archive::query::SearchRequest;
using archive::query::SearchResult;

constexpr int kExitHits = 0;
constexpr int kExitNoHits = 1;
constexpr int kExitError = 2;

struct Args {
  std::string index_dir;
  std::string format = "text";
  std::vector<std::string> words;
  std::string sort = "relevance";
  uint32_t page = 1;
};

void PrintText(const SearchResult& result, bool terminal) {
  std::cout << fmt::format("{} matching articles (generation {}, revision {})\n\n", result.total,
                           result.generation, result.revision);
  for (const Hit& hit : result.hits) {
    std::string title = terminal ? hit.title_highlighted : hit.title;
    std::cout << fmt::format("{:>3}. {}\n", hit.rank, title);
    std::string meta = hit.date;
    if (hit.issue > 0) meta += fmt::format(" · issue {}", hit.issue);
    if (!hit.topics.empty()) meta += " · " + fmt::format("{}", fmt::join(hit.topics, ", "));
    if (!hit.cities.empty()) meta += " · " + fmt::format("{}", fmt::join(hit.cities, ", "));
    std::cout << "     " << meta << "\n";
    std::cout << "     " << hit.snippet << "\n";
    if (!hit.url.empty()) std::cout << "     " << hit.url << "\n";
    std::cout << "     [" << hit.id << fmt::format(", score {:.3f}]\n\n", hit.score);
  }
}

void PrintJsonLines(const SearchResult& result) {
  for (const Hit& hit : result.hits) {
    nlohmann::json line = {{"id", hit.id},           {"rank", hit.rank},      {"score", hit.score},
                           {"title", hit.title},     {"date", hit.date},      {"issue", hit.issue},
                           {"topics", hit.topics},   {"cities", hit.cities},  {"url", hit.url},
                           {"authors", hit.authors}, {"snippet", hit.snippet}};
    std::cout << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"archive-search: search the archive's index"};
  Args args;
  SearchRequest request;
  app.add_option("--index", args.index_dir, "Index directory")->required();
  app.add_option("--format", args.format, "Output: text or jsonl")
      ->check(CLI::IsMember({"text", "jsonl"}));
  app.add_option("--limit", request.limit, "Hits per page (default 10)")
      ->check(CLI::Range(1u, 10000u));
  app.add_option("--page", args.page, "Page number, from 1")->check(CLI::Range(1u, 10000u));
  // One value per occurrence, so that "--topic Labor strike" leaves "strike" to the query.
  app.add_option("--topic", request.topics, "Only this topic (repeatable: any of them)")
      ->allow_extra_args(false);
  app.add_option("--city", request.cities, "Only this city (repeatable: any of them)")
      ->allow_extra_args(false);
  app.add_option("--from", request.from_date, "Earliest date, YYYY-MM-DD");
  app.add_option("--to", request.to_date, "Latest date, YYYY-MM-DD");
  app.add_option("--sort", args.sort, "relevance, newest or oldest")
      ->check(CLI::IsMember({"relevance", "newest", "oldest"}));
  app.add_option("query", args.words, "The query (words, \"phrases\", field:value, ...)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    int code = app.exit(error);
    return code == 0 ? 0 : kExitError;
  }

  for (const std::string& word : args.words)
    request.query += (request.query.empty() ? "" : " ") + word;
  request.offset = (args.page - 1) * request.limit;
  request.sort = args.sort == "newest"   ? archive::query::SortOrder::kNewest
                 : args.sort == "oldest" ? archive::query::SortOrder::kOldest
                                         : archive::query::SortOrder::kRelevance;
  const bool terminal = args.format == "text" && ::isatty(STDOUT_FILENO);
  request.escape_html = false;
  request.highlight_pre = terminal ? "\033[1m" : "";
  request.highlight_post = terminal ? "\033[0m" : "";
  request.want_facets = false;

  auto searcher = archive::query::Searcher::Open({args.index_dir});
  if (!searcher.ok()) {
    std::cerr << "archive-search: " << searcher.status().message() << "\n";
    return kExitError;
  }
  auto result = (*searcher)->Search(request);
  if (!result.ok()) {
    std::cerr << "archive-search: " << result.status().message() << "\n";
    return kExitError;
  }
  if (args.format == "jsonl") {
    PrintJsonLines(*result);
  } else {
    PrintText(*result, terminal);
  }
  return result->hits.empty() ? kExitNoHits : kExitHits;
}
