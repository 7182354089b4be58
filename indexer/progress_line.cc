#include "indexer/progress_line.h"

#include <fmt/core.h>

#include <cstdio>

namespace archive::indexer {

std::string WithThousands(uint64_t value) {
  std::string digits = std::to_string(value);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

ProgressLine::ProgressLine(bool on_terminal, std::optional<uint64_t> expected_total)
    : on_terminal_(on_terminal), expected_total_(expected_total) {}

double ProgressLine::seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void ProgressLine::Tick() {
  ++count_;
  if (!on_terminal_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(200)) return;  // redraw 5 times a second
  last_draw_ = now;
  Draw();
}

void ProgressLine::Draw() {
  double elapsed = seconds();
  double rate = elapsed > 0 ? static_cast<double>(count_) / elapsed : 0;
  std::string line = fmt::format("{} records, {}/s", WithThousands(count_),
                                 WithThousands(static_cast<uint64_t>(rate)));
  if (expected_total_ && *expected_total_ >= count_ && rate > 0) {
    auto left = static_cast<uint64_t>(static_cast<double>(*expected_total_ - count_) / rate);
    line +=
        fmt::format(" of ~{}, ETA {}:{:02}", WithThousands(*expected_total_), left / 60, left % 60);
  }
  std::fprintf(stderr, "\r\033[K%s", line.c_str());  // \033[K: erase the rest of the line
  std::fflush(stderr);
}

void ProgressLine::Done() {
  if (!on_terminal_) return;
  std::fprintf(stderr, "\r\033[K");
  std::fflush(stderr);
}

}  // namespace archive::indexer
