#include "query/eval/trec_eval.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace archive::query::eval {
namespace {

std::vector<std::string> Fields(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> fields;
  for (std::string field; in >> field;) fields.push_back(field);
  return fields;
}

double Gain(int grade) { return grade > 0 ? std::pow(2.0, grade) - 1 : 0; }

double Discount(size_t rank) { return 1.0 / std::log2(static_cast<double>(rank) + 1); }

}  // namespace

StatusOr<Qrels> ParseQrels(std::istream& in) {
  Qrels qrels;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    std::vector<std::string> fields = Fields(line);
    if (fields.empty()) continue;
    int grade = 0;
    if (fields.size() != 4 || !(std::istringstream(fields[3]) >> grade))
      return Status::InvalidArgument("qrels line " + std::to_string(number) +
                                     ": expected \"qid 0 docid grade\"");
    qrels[fields[0]][fields[2]] = grade;
  }
  return qrels;
}

StatusOr<Run> ParseRun(std::istream& in) {
  std::map<std::string, std::vector<std::pair<long, std::string>>> ranked;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    std::vector<std::string> fields = Fields(line);
    if (fields.empty()) continue;
    long rank = 0;
    if (fields.size() != 6 || !(std::istringstream(fields[3]) >> rank))
      return Status::InvalidArgument("run line " + std::to_string(number) +
                                     ": expected \"qid Q0 docid rank score tag\"");
    ranked[fields[0]].emplace_back(rank, fields[2]);
  }
  Run run;
  for (auto& [qid, docs] : ranked) {
    std::stable_sort(docs.begin(), docs.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& doc : docs) run[qid].push_back(std::move(doc.second));
  }
  return run;
}

Measures Measure(const std::map<std::string, int>& judged, const std::vector<std::string>& ranked) {
  Measures m;
  std::vector<int> ideal;
  size_t relevant = 0;
  for (const auto& [doc, grade] : judged) {
    ideal.push_back(grade);
    if (grade > 0) ++relevant;
  }
  if (relevant == 0) return m;
  std::sort(ideal.rbegin(), ideal.rend());
  double dcg = 0, ideal_dcg = 0, precision_sum = 0;
  size_t found = 0;
  for (size_t i = 0; i < ranked.size(); ++i) {
    auto it = judged.find(ranked[i]);
    const int grade = it == judged.end() ? 0 : it->second;
    if (i < 10) dcg += Gain(grade) * Discount(i + 1);
    if (grade <= 0) continue;
    ++found;
    precision_sum += static_cast<double>(found) / static_cast<double>(i + 1);
    if (i < 10) m.precision_at_10 += 0.1;
    if (m.reciprocal_rank == 0) m.reciprocal_rank = 1.0 / static_cast<double>(i + 1);
  }
  for (size_t i = 0; i < ideal.size() && i < 10; ++i) ideal_dcg += Gain(ideal[i]) * Discount(i + 1);
  m.ndcg_at_10 = ideal_dcg > 0 ? dcg / ideal_dcg : 0;
  m.average_precision = precision_sum / static_cast<double>(relevant);
  return m;
}

Evaluation Evaluate(const Qrels& qrels, const Run& run) {
  Evaluation evaluation;
  static const std::vector<std::string> kNothing;
  for (const auto& [qid, judged] : qrels) {
    auto it = run.find(qid);
    Measures m = Measure(judged, it == run.end() ? kNothing : it->second);
    evaluation.per_query[qid] = m;
    evaluation.mean.ndcg_at_10 += m.ndcg_at_10;
    evaluation.mean.average_precision += m.average_precision;
    evaluation.mean.precision_at_10 += m.precision_at_10;
    evaluation.mean.reciprocal_rank += m.reciprocal_rank;
  }
  if (!qrels.empty()) {
    const double n = static_cast<double>(qrels.size());
    evaluation.mean.ndcg_at_10 /= n;
    evaluation.mean.average_precision /= n;
    evaluation.mean.precision_at_10 /= n;
    evaluation.mean.reciprocal_rank /= n;
  }
  return evaluation;
}

}  // namespace archive::query::eval
