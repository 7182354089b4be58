// load_gen: bench/run's open-loop load generator (load_gen.h). Prints a human report on
// standard error and one JSON line on standard output.
//
//   load_gen --url http://127.0.0.1:PORT --paths FILE [--connections 32] [--rate 500]
//            [--seconds 20] [--timeout 10]
#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>

#include "bench/load_gen.h"

int main(int argc, char** argv) {
  CLI::App app{"Open-loop HTTP load at a fixed offered rate, latency from the schedule"};
  archive::bench::LoadOptions options;
  std::string paths_file;
  double seconds = options.duration.count(), timeout = options.timeout.count();
  app.add_option("--url", options.base_url, "Server, e.g. http://127.0.0.1:8080")->required();
  app.add_option("--paths", paths_file, "Request paths, one a line, requested in turn")->required();
  app.add_option("--connections", options.connections, "Connections, one thread each")
      ->check(CLI::Range(1, 1024));
  app.add_option("--rate", options.rate, "Requests/s offered in total")->check(CLI::PositiveNumber);
  app.add_option("--seconds", seconds, "Length of the schedule")->check(CLI::PositiveNumber);
  app.add_option("--timeout", timeout, "Per-request timeout, and the grace after the schedule")
      ->check(CLI::PositiveNumber);
  CLI11_PARSE(app, argc, argv);
  options.duration = std::chrono::duration<double>(seconds);
  options.timeout = std::chrono::duration<double>(timeout);
  std::ifstream in(paths_file);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) options.paths.push_back(line);
  }
  if (options.paths.empty()) {
    std::cerr << "load_gen: no paths in " << paths_file << "\n";
    return 2;
  }
  const archive::bench::LoadReport report = archive::bench::RunLoad(options);
  std::cerr << "load_gen: " << archive::bench::ReportText(options, report);
  std::cout << archive::bench::ReportJson(options, report) << "\n";
  return report.completed > 0 ? 0 : 1;
}
