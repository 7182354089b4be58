// Ranking evaluation in the TREC formats: qrels ("qid 0 docid grade") and runs ("qid Q0
// docid rank score tag"), and the measures docs/evaluation.md reports: nDCG@10 (graded,
// gain 2^g - 1), MAP, P@10 and MRR (relevant: grade > 0). Plain functions; thread-safe.
#pragma once

#include <istream>
#include <map>
#include <string>
#include <vector>

#include "core/status_or.h"

namespace archive::query::eval {

using Qrels = std::map<std::string, std::map<std::string, int>>;  // qid → docid → grade
using Run = std::map<std::string, std::vector<std::string>>;      // qid → docids by rank

struct Measures {
  double ndcg_at_10 = 0;
  double average_precision = 0;
  double precision_at_10 = 0;
  double reciprocal_rank = 0;
};

struct Evaluation {
  std::map<std::string, Measures> per_query;
  Measures mean;  // over every query of the qrels (a query missing from the run scores 0)
};

// kInvalidArgument with the line number for a malformed line.
StatusOr<Qrels> ParseQrels(std::istream& in);
StatusOr<Run> ParseRun(std::istream& in);

Measures Measure(const std::map<std::string, int>& judged, const std::vector<std::string>& ranked);
Evaluation Evaluate(const Qrels& qrels, const Run& run);

}  // namespace archive::query::eval
