// SampleRandom: the sample generator's own pseudo-random source (SplitMix64).
// std:: distributions differ between standard libraries, so every pick is computed here
// with integer arithmetic only; the same seed yields the same archive on any platform.
// A small value type; not thread-safe (give each thread its own).
#pragma once

#include <cassert>
#include <cstdint>
#include <span>

namespace archive::corpus {

class SampleRandom {
 public:
  explicit SampleRandom(uint64_t seed) : state_(seed) {}

  // Mixes several numbers into one seed, so that each article gets an independent stream.
  static uint64_t Mix(uint64_t a, uint64_t b) {
    SampleRandom r(a ^ (b * 0x9E3779B97F4A7C15ull));
    r.Next();
    return r.Next() ^ b;
  }

  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }

  // Uniform in [0, n). The multiply-shift bias is below 2^-32 for the small n used here.
  // REQUIRES: 0 < n < 2^32.
  uint32_t Below(uint32_t n) {
    assert(n > 0);
    return static_cast<uint32_t>(((Next() >> 32) * n) >> 32);
  }

  // Uniform in [lo, hi]. REQUIRES: lo <= hi.
  int Between(int lo, int hi) {
    assert(lo <= hi);
    return lo + static_cast<int>(Below(static_cast<uint32_t>(hi - lo + 1)));
  }

  // True with probability percent/100.
  bool Percent(uint32_t percent) { return Below(100) < percent; }

  template <typename T>
  const T& Pick(std::span<const T> items) {
    assert(!items.empty());
    return items[Below(static_cast<uint32_t>(items.size()))];
  }

 private:
  uint64_t state_;
};

}  // namespace archive::corpus
