// Shared by the writers' .cc files: the per-format factories.
#pragma once

#include <memory>
#include <ostream>

#include "output/result_writers.h"

namespace archive::output::internal {

std::unique_ptr<ResultWriter> MakeJsonWriter(std::ostream& out, const WriterOptions& options);
std::unique_ptr<ResultWriter> MakeJsonLinesWriter(std::ostream& out, const WriterOptions& options);
std::unique_ptr<ResultWriter> MakeCsvWriter(std::ostream& out, const WriterOptions& options);
std::unique_ptr<ResultWriter> MakeBibtexWriter(std::ostream& out, const WriterOptions& options);
std::unique_ptr<ResultWriter> MakeRisWriter(std::ostream& out, const WriterOptions& options);

}  // namespace archive::output::internal
