// ProgressLine: how archive-index shows an update's progress. On a terminal, one line on
// standard error redrawn in place (count, rate, and a bar with an ETA when the total is
// known);
// elsewhere (a log, a pipe) nothing until the summary line at the end.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace archive::indexer {

// 3120 → "3,120".
std::string WithThousands(uint64_t value);

class ProgressLine {
 public:
  // `expected_total`: the number of records expected, when it can be known up front.
  ProgressLine(bool on_terminal, std::optional<uint64_t> expected_total);

  void Tick();  // one more record read
  void Done();  // erases the line (the caller prints the summary)
  // Shows `text` in place of the counts (e.g. the step after the last record).
  void Note(const std::string& text);

  uint64_t count() const { return count_; }
  double seconds() const;

 private:
  void Draw();

  bool on_terminal_;
  std::optional<uint64_t> expected_total_;
  uint64_t count_ = 0;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_draw_ = start_;
};

}  // namespace archive::indexer
