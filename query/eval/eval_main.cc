// archive-eval: scores a TREC run against judgments.
//   archive-eval [--per-query] QRELS RUN
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>

#include "query/eval/trec_eval.h"

int main(int argc, char** argv) {
  using namespace archive::query::eval;
  const bool per_query = argc == 4 && std::strcmp(argv[1], "--per-query") == 0;
  if (argc != 3 && !per_query) {
    std::cerr << "usage: archive-eval [--per-query] QRELS RUN\n";
    return 2;
  }
  std::ifstream qrels_file(argv[argc - 2]), run_file(argv[argc - 1]);
  if (!qrels_file || !run_file) {
    std::cerr << "archive-eval: cannot read " << (qrels_file ? argv[argc - 1] : argv[argc - 2])
              << "\n";
    return 2;
  }
  auto qrels = ParseQrels(qrels_file);
  auto run = ParseRun(run_file);
  if (!qrels.ok() || !run.ok()) {
    std::cerr << "archive-eval: " << (qrels.ok() ? run.status() : qrels.status()).message() << "\n";
    return 2;
  }
  Evaluation evaluation = Evaluate(*qrels, *run);
  if (per_query) {
    for (const auto& [qid, m] : evaluation.per_query)
      std::printf("%-8s ndcg@10 %.4f  ap %.4f  p@10 %.4f  rr %.4f\n", qid.c_str(), m.ndcg_at_10,
                  m.average_precision, m.precision_at_10, m.reciprocal_rank);
  }
  const Measures& m = evaluation.mean;
  std::printf("queries  %zu\nndcg@10  %.4f\nmap      %.4f\np@10     %.4f\nmrr      %.4f\n",
              evaluation.per_query.size(), m.ndcg_at_10, m.average_precision, m.precision_at_10,
              m.reciprocal_rank);
  return 0;
}
