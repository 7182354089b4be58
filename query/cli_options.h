// The archive-search command line: argv → CliArgs (a SearchRequest plus what to do with
// it). Only the CLI binary uses it.
#pragma once

#include <string>
#include <vector>

#include "query/search_types.h"
#include "query/searcher.h"

namespace archive::query {

struct CliArgs {
  SearcherOptions searcher;
  SearchRequest request;
  std::string format = "text";
  std::string histogram;  // "", "year" or "month"
  std::string split_by;   // histogram series: "", "topic" or "city"
  uint32_t kwic = 0;      // words of context; 0: no keyword-in-context listing
  std::string kwic_sort = "document";
  bool export_all = false;
  std::string queries_file;  // batch: "qid<TAB>query" lines, each run as a query
  bool timing = false;       // batch: "qid<TAB>microseconds" per query on standard error
  std::string run_tag = "archive-search";
};

inline constexpr int kExitHits = 0;
inline constexpr int kExitNoHits = 1;
inline constexpr int kExitError = 2;

// Fills `args`; returns -1 to go on, or the exit code (help: 0, usage error: 2), having
// printed what to print.
int ParseCommandLine(int argc, char** argv, bool terminal, CliArgs& args);

}  // namespace archive::query
