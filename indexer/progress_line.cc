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

// "[########............]  40% 1,248 of ~3,120 records, 312/s, ETA 0:06", or without a
// known total "1,248 records, 312/s".
void ProgressLine::Draw() {
  double elapsed = seconds();
  double rate = elapsed > 0 ? static_cast<double>(count_) / elapsed : 0;
  std::string line = fmt::format("{} records, {}/s", WithThousands(count_),
                                 WithThousands(static_cast<uint64_t>(rate)));
  if (expected_total_ && *expected_total_ >= count_ && *expected_total_ > 0 && rate > 0) {
    constexpr uint64_t kWidth = 20;
    const uint64_t filled = count_ * kWidth / *expected_total_;
    auto left = static_cast<uint64_t>(static_cast<double>(*expected_total_ - count_) / rate);
    line =
        fmt::format("[{}{}] {:3}% {} of ~{} records, {}/s, ETA {}:{:02}", std::string(filled, '#'),
                    std::string(kWidth - filled, '.'), count_ * 100 / *expected_total_,
                    WithThousands(count_), WithThousands(*expected_total_),
                    WithThousands(static_cast<uint64_t>(rate)), left / 60, left % 60);
  }
  std::fprintf(stderr, "\r\033[K%s", line.c_str());  // \033[K: erase the rest of the line
  std::fflush(stderr);
}

void ProgressLine::Note(const std::string& text) {
  if (!on_terminal_) return;
  std::fprintf(stderr, "\r\033[K%s", text.c_str());
  std::fflush(stderr);
}

void ProgressLine::Done() {
  if (!on_terminal_) return;
  std::fprintf(stderr, "\r\033[K");
  std::fflush(stderr);
}

}  // namespace archive::indexer
