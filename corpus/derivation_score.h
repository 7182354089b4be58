// Precision and recall of derived metadata against known truth, shared by the
// derivation_eval tool (bench/) and the quality test, so that both count the same way.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace archive::corpus {

// Micro-averaged over articles: every derived value is right or wrong, every true value
// found or missed.
class SetScore {
 public:
  void Add(const std::vector<std::string>& derived, const std::vector<std::string>& truth) {
    for (const std::string& value : derived) {
      if (std::find(truth.begin(), truth.end(), value) != truth.end()) ++correct_;
    }
    derived_ += derived.size();
    truth_ += truth.size();
  }

  double precision() const { return derived_ == 0 ? 0.0 : double(correct_) / double(derived_); }
  double recall() const { return truth_ == 0 ? 0.0 : double(correct_) / double(truth_); }
  double f1() const {
    double p = precision(), r = recall();
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  }
  uint64_t derived() const { return derived_; }
  uint64_t truth() const { return truth_; }

 private:
  uint64_t correct_ = 0, derived_ = 0, truth_ = 0;
};

}  // namespace archive::corpus
