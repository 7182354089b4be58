// How archive-index's subcommands report: one JSON object on standard output with
// --json, else a line on standard error. Shared by every subcommand so that scripts see
// the same fields whichever one they ran.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "indexer/indexer.h"

namespace archive::indexer {

// added, changed, unchanged, removed, rejected, skipped, duplicates, generation,
// revision, articles, recovered.
nlohmann::json SummaryJson(const UpdateSummary& summary);

// "3 added, 0 changed, ... (generation 1, revision 4, 3,012 articles)".
std::string SummaryText(const UpdateSummary& summary);

// Prints `message` on standard error (and as {"error": ...} on standard output with
// `as_json`, so that a script parsing it learns why) and returns kExitNothingChanged.
int Fail(const std::string& message, bool as_json = false);

}  // namespace archive::indexer
