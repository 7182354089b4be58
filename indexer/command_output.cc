#include "indexer/command_output.h"

#include <fmt/core.h>

#include <iostream>

#include "indexer/commands.h"
#include "indexer/progress_line.h"

namespace archive::indexer {

using nlohmann::json;

int Fail(const std::string& message, bool as_json) {
  std::cerr << "archive-index: " << message << "\n";
  if (as_json) std::cout << json{{"error", message}}.dump() << std::endl;
  return kExitNothingChanged;
}

json SummaryJson(const UpdateSummary& summary) {
  return {{"added", summary.added},           {"changed", summary.changed},
          {"unchanged", summary.unchanged},   {"removed", summary.removed},
          {"rejected", summary.rejected},     {"skipped", summary.skipped},
          {"duplicates", summary.duplicates}, {"generation", summary.generation},
          {"revision", summary.revision},     {"articles", summary.articles},
          {"recovered", summary.recovered}};
}

std::string SummaryText(const UpdateSummary& summary) {
  bool nothing = summary.added + summary.changed + summary.removed == 0;
  return fmt::format(
      "{} added, {} changed, {} unchanged, {} removed, {} rejected, {} skipped{}{} "
      "(generation {}, revision {}, {} articles)",
      WithThousands(summary.added), WithThousands(summary.changed),
      WithThousands(summary.unchanged), WithThousands(summary.removed),
      WithThousands(summary.rejected), WithThousands(summary.skipped),
      summary.duplicates ? ", " + WithThousands(summary.duplicates) + " duplicates" : "",
      nothing ? ": nothing changed" : "", summary.generation, summary.revision,
      WithThousands(summary.articles));
}

}  // namespace archive::indexer
