// archive-corpus: writes the invented sample archive as JSON Lines.
//   archive-corpus --seed S [--articles N] --out FILE|- [--withhold-metadata] [--truth FILE]
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <string>

#include "corpus/sample_generator.h"

namespace {

// Opens `path` for writing; "-" is standard output. Returns nullptr (and reports) on failure.
std::FILE* OpenOutput(const std::string& path) {
  if (path == "-") return stdout;
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) std::cerr << "archive-corpus: cannot open " << path << " for writing\n";
  return file;
}

}  // namespace

int main(int argc, char** argv) {
  archive::corpus::SampleOptions options;
  std::string out_path, truth_path;
  CLI::App app{"Writes an invented sample archive of the newspaper as JSON Lines."};
  app.add_option("--seed", options.seed, "Selects the archive; same seed, same bytes")->required();
  app.add_option("--articles", options.articles, "Number of articles (issues = ceil(N/25))")
      ->check(CLI::Range(int64_t{0}, archive::corpus::kMaxSampleArticles));
  app.add_option("--out", out_path, "Output file, or - for standard output")->required();
  app.add_flag("--withhold-metadata", options.withhold_metadata,
               "Leave topics and cities out of the records");
  app.add_option("--truth", truth_path,
                 "Also write {\"id\",\"topics\",\"cities\"} per article to this file");
  CLI11_PARSE(app, argc, argv);

  std::FILE* out = OpenOutput(out_path);
  if (out == nullptr) return 1;
  std::FILE* truth = nullptr;
  if (!truth_path.empty()) {
    truth = OpenOutput(truth_path);
    if (truth == nullptr) return 1;
  }
  const archive::Status status = archive::corpus::WriteSampleArchive(options, out, truth);
  bool closed = true;
  if (out != stdout) closed = std::fclose(out) == 0;
  if (truth != nullptr && truth != stdout) closed = std::fclose(truth) == 0 && closed;
  if (!status.ok() || !closed) {
    std::cerr << "archive-corpus: "
              << (status.ok() ? "closing the output failed" : status.ToString()) << "\n";
    return 1;
  }
  return 0;
}
