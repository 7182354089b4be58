// archive-index: reads archive files into an index directory.
//   archive-index update --index DIR [--json] SOURCE...
#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <nlohmann/json.hpp>

#include "corpus/corpus_reader.h"
#include "indexer/indexer.h"

namespace {

using archive::indexer::UpdateSummary;

constexpr int kExitOk = 0;
constexpr int kExitSomeRejected = 1;
constexpr int kExitNothingChanged = 2;

struct UpdateArgs {
  std::string index_dir;
  std::vector<std::string> sources;
  bool json = false;
};

void PrintSummary(const UpdateSummary& summary, bool json) {
  if (json) {
    nlohmann::json out = {{"added", summary.added},           {"changed", summary.changed},
                          {"unchanged", summary.unchanged},   {"removed", summary.removed},
                          {"rejected", summary.rejected},     {"skipped", summary.skipped},
                          {"duplicates", summary.duplicates}, {"generation", summary.generation},
                          {"revision", summary.revision},     {"articles", summary.articles}};
    std::cout << out.dump() << std::endl;
    return;
  }
  std::cerr << fmt::format(
      "{} added, {} changed, {} unchanged, {} removed, {} rejected, {} skipped "
      "(generation {}, revision {}, {} articles)\n",
      summary.added, summary.changed, summary.unchanged, summary.removed, summary.rejected,
      summary.skipped, summary.generation, summary.revision, summary.articles);
}

int RunUpdate(const UpdateArgs& args) {
  auto indexer = archive::indexer::Indexer::Open({args.index_dir, "archive-index update"});
  if (!indexer.ok()) {
    std::cerr << "archive-index: " << indexer.status().message() << "\n";
    return kExitNothingChanged;
  }
  uint64_t rejected = 0;
  uint64_t skipped = 0;
  archive::Status failure;
  archive::corpus::SourceCallbacks callbacks;
  std::string current_source;
  callbacks.on_article = [&](archive::Article&& article) {
    if (!failure.ok()) return;
    std::string id = article.id;
    auto outcome = (*indexer)->Add(std::move(article));
    if (!outcome.ok()) {
      failure = outcome.status();
    } else if (*outcome == archive::indexer::AddOutcome::kDuplicate) {
      std::cerr << current_source << ": duplicate id " << id << ": the last one wins\n";
    }
  };
  callbacks.on_reject = [&](const archive::corpus::Rejection& rejection) {
    ++rejected;
    std::cerr << rejection.ToString() << "\n";
  };
  callbacks.on_skip = [&](const archive::corpus::Rejection& skip) {
    ++skipped;
    std::cerr << skip.ToString() << " (skipped)\n";
  };
  for (const std::string& source : args.sources) {
    current_source = source;
    archive::Status read = archive::corpus::ReadSource(source, {}, callbacks);
    if (!read.ok()) {
      ++rejected;
      std::cerr << read.message() << "\n";
    }
    if (!failure.ok()) break;
  }
  if (!failure.ok()) {
    std::cerr << "archive-index: " << failure.message() << "; nothing was committed\n";
    return kExitNothingChanged;
  }
  (*indexer)->CountRejected(rejected);
  (*indexer)->CountSkipped(skipped);
  auto summary = (*indexer)->Commit();
  if (!summary.ok()) {
    std::cerr << "archive-index: " << summary.status().message() << "\n";
    return kExitNothingChanged;
  }
  PrintSummary(*summary, args.json);
  return rejected > 0 ? kExitSomeRejected : kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"archive-index: builds and updates the archive's search index"};
  app.require_subcommand(1);

  UpdateArgs update;
  CLI::App* update_command =
      app.add_subcommand("update", "Add new and changed articles from SOURCE files, one commit");
  update_command->add_option("--index", update.index_dir, "Index directory")->required();
  update_command->add_flag("--json", update.json, "Print the summary as one JSON object");
  update_command->add_option("sources", update.sources, "JSON Lines files ('-' for stdin)")
      ->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    int code = app.exit(error);
    return code == 0 ? 0 : kExitNothingChanged;
  }
  if (update_command->parsed()) return RunUpdate(update);
  return kExitNothingChanged;
}
