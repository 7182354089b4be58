// Shared by the writers' .cc files: the per-format factories and JSON encodings.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>

#include "output/result_writers.h"

namespace archive::output::internal {

nlohmann::json HitJson(const query::Hit& hit);
nlohmann::json SummaryJson(const query::SearchResult& result);
std::string Dump(const nlohmann::json& value);  // never throws on invalid UTF-8

std::unique_ptr<ResultWriter> MakeCsvWriter(std::ostream& out, const WriterOptions& options);
std::unique_ptr<ResultWriter> MakeBibtexWriter(std::ostream& out, const WriterOptions& options);
std::unique_ptr<ResultWriter> MakeRisWriter(std::ostream& out, const WriterOptions& options);

}  // namespace archive::output::internal
