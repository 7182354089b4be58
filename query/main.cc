// archive-search: the researcher's command line over the query library.
//   archive-search --index DIR [options] [--] QUERY        (archive-search --help)
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <iostream>

#include "core/fatal_error.h"
#include "core/large_allocations.h"
#include "output/result_writers.h"
#include "query/cli_options.h"

namespace {

using namespace archive::query;
namespace output = archive::output;

int Fail(const archive::Status& status) {
  std::cerr << "archive-search: " << status.message() << "\n";
  return kExitError;
}

// One "qid<TAB>query" line of a batch file; false (and a message naming the line) when
// it is malformed.
bool ParseBatchLine(const std::string& line, const std::string& where, std::string& qid,
                    std::string& query) {
  const size_t tab = line.find('\t');
  const char* problem = nullptr;
  if (tab == std::string::npos) {
    problem = "expected qid<TAB>query";
  } else {
    qid = line.substr(0, tab);
    query = line.substr(tab + 1);
    if (!query.empty() && query.back() == '\r') query.pop_back();  // a file saved on Windows
    if (qid.find_first_not_of(" ") == std::string::npos) problem = "empty qid";
    if (query.find_first_not_of(" \t") == std::string::npos) problem = "empty query";
  }
  if (problem == nullptr) return true;
  std::cerr << "archive-search: " << where << ": " << problem << "\n";
  return false;
}

// Batch: every "qid<TAB>query" line of the file through the same Searcher::Search as a
// single query, each result written in the chosen format with its qid. --timing puts
// "qid<TAB>microseconds" (the search itself, not the printing) on standard error. A bad
// line or a failed query is reported with its line number and the rest still run.
int RunBatch(const Searcher& searcher, const CliArgs& args, output::Format format,
             output::WriterOptions options) {
  std::ifstream in(args.queries_file);
  if (!in) return Fail(archive::Status::NotFound("cannot read " + args.queries_file));
  options.with_qid = true;
  bool failed = false, any_hits = false;
  std::string line, qid, query;
  for (uint64_t number = 1; std::getline(in, line); ++number) {
    if (line.empty()) continue;
    const std::string where = args.queries_file + ":" + std::to_string(number);
    if (!ParseBatchLine(line, where, qid, query)) {
      failed = true;
      continue;
    }
    SearchRequest request = args.request;
    request.query = query;
    const auto started = std::chrono::steady_clock::now();
    auto result = searcher.Search(request);
    const auto elapsed = std::chrono::steady_clock::now() - started;
    if (!result.ok()) {
      std::cerr << "archive-search: " << where << ": " << result.status().message() << "\n";
      failed = true;
      continue;
    }
    if (args.timing) {
      std::cerr << qid << "\t"
                << std::chrono::duration_cast<std::chrono::microseconds>(elapsed).count() << "\n";
    }
    any_hits = any_hits || result->total > 0;
    options.qid = qid;
    if (args.request.count_only) {
      std::cout << qid << "\t" << result->total << "\n";
    } else {
      if (format == output::Format::kText) std::cout << "== " << qid << "\t" << query << "\n";
      output::WriteResult(*result, format, std::cout, options);
      options.csv_header = false;  // once, above the first query's rows
    }
  }
  if (failed) return kExitError;
  return any_hits ? kExitHits : kExitNoHits;
}

int RunResearch(const Searcher& searcher, const CliArgs& args, output::Format format) {
  if (!args.histogram.empty()) {
    HistogramRequest histogram;
    histogram.granularity = args.histogram == "month" ? Granularity::kMonth : Granularity::kYear;
    histogram.split_by = args.split_by;
    auto buckets = searcher.Histogram(args.request, histogram);
    if (!buckets.ok()) return Fail(buckets.status());
    output::WriteHistogram(*buckets, format, std::cout);
    return buckets->empty() ? kExitNoHits : kExitHits;
  }
  KwicRequest kwic;
  kwic.context_words = args.kwic;
  kwic.sort = args.kwic_sort == "left"    ? KwicSort::kLeft
              : args.kwic_sort == "right" ? KwicSort::kRight
                                          : KwicSort::kDocument;
  auto lines = searcher.Kwic(args.request, kwic);
  if (!lines.ok()) return Fail(lines.status());
  output::WriteKwic(*lines, format, std::cout, args.kwic * 7);
  return lines->empty() ? kExitNoHits : kExitHits;
}

int RunExport(const Searcher& searcher, const CliArgs& args, output::Format format,
              const output::WriterOptions& options) {
  std::unique_ptr<output::ResultWriter> writer = output::MakeWriter(format, std::cout, options);
  writer->Begin(nullptr);
  uint64_t written = 0;
  auto summary = searcher.Export(args.request, [&](const Hit& hit) {
    writer->Write(hit);
    ++written;
    return true;
  });
  if (!summary.ok()) return Fail(summary.status());
  writer->End(*summary);
  return written > 0 ? kExitHits : kExitNoHits;
}

}  // namespace

int main(int argc, char** argv) {
  archive::ReportFatalErrors("archive-search");
  archive::ReturnLargeBlocksToTheSystem();
  CliArgs args;
  const bool terminal = ::isatty(STDOUT_FILENO) != 0;
  if (int exit = ParseCommandLine(argc, argv, terminal, args); exit >= 0) return exit;
  const output::Format format = output::ParseFormat(args.format).value();  // checked by CLI11
  output::WriterOptions options;
  options.terminal = terminal && format == output::Format::kText;
  options.run_tag = args.run_tag;
  auto searcher = Searcher::Open(args.searcher);
  if (!searcher.ok()) return Fail(searcher.status());
  if (!args.queries_file.empty()) return RunBatch(**searcher, args, format, options);
  if (!args.histogram.empty() || args.kwic > 0) return RunResearch(**searcher, args, format);
  if (args.export_all) return RunExport(**searcher, args, format, options);

  auto result = (*searcher)->Search(args.request);
  if (!result.ok()) return Fail(result.status());
  if (args.request.count_only) {
    std::cout << result->total << "\n";
    return result->total > 0 ? kExitHits : kExitNoHits;
  }
  output::WriteResult(*result, format, std::cout, options);
  return result->hits.empty() ? kExitNoHits : kExitHits;
}
