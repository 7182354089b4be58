// archive-search: the researcher's command line over the query library.
//   archive-search --index DIR [options] [--] QUERY        (archive-search --help)
#include <unistd.h>

#include <fstream>
#include <iostream>

#include "output/result_writers.h"
#include "query/cli_options.h"

namespace {

using namespace archive::query;
namespace output = archive::output;

int Fail(const archive::Status& status) {
  std::cerr << "archive-search: " << status.message() << "\n";
  return kExitError;
}

// TREC batch: one run over every "qid<TAB>query" line of the file.
int RunBatch(const Searcher& searcher, const CliArgs& args) {
  std::ifstream in(args.queries_file);
  if (!in) return Fail(archive::Status::NotFound("cannot read " + args.queries_file));
  std::string line;
  while (std::getline(in, line)) {
    const size_t tab = line.find('\t');
    if (line.empty() || tab == std::string::npos) continue;
    SearchRequest request = args.request;
    request.query = line.substr(tab + 1);
    request.want_facets = false;
    auto result = searcher.Search(request);
    if (!result.ok()) return Fail(result.status());
    output::WriterOptions options;
    options.qid = line.substr(0, tab);
    options.run_tag = args.run_tag;
    output::WriteResult(*result, output::Format::kTrec, std::cout, options);
  }
  return kExitHits;
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
  CliArgs args;
  const bool terminal = ::isatty(STDOUT_FILENO) != 0;
  if (int exit = ParseCommandLine(argc, argv, terminal, args); exit >= 0) return exit;
  const output::Format format = output::ParseFormat(args.format).value();  // checked by CLI11
  output::WriterOptions options;
  options.terminal = terminal && format == output::Format::kText;
  options.run_tag = args.run_tag;
  auto searcher = Searcher::Open(args.searcher);
  if (!searcher.ok()) return Fail(searcher.status());
  if (!args.queries_file.empty()) return RunBatch(**searcher, args);
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
