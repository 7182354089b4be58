// Replays every seed input (tests/fuzz/corpus/<target>/) and every input that once crashed
// a fuzzer (tests/fuzz/regressions/<target>/) through the same entry functions libFuzzer
// calls, in the regular build: under the CI's ASan+UBSan stage a regression fails here.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <ostream>
#include <string>
#include <vector>

#include "tests/fuzz/fuzz_targets.h"

namespace archive::fuzz {
namespace {

struct Target {
  const char* name;
  Entry entry;
};

const Target kTargets[] = {
    {"query", FuzzQuery},           {"jsonl", FuzzJsonLines},    {"wxr", FuzzWxr},
    {"wp_rest", FuzzWpRest},        {"html_text", FuzzHtmlText}, {"snippet", FuzzSnippet},
    {"http_params", FuzzHttpParams}};

// Tests run from the source directory (archive_add_test's WORKING_DIRECTORY).
std::vector<std::filesystem::path> InputsIn(const std::string& dir) {
  std::vector<std::filesystem::path> files;
  if (!std::filesystem::is_directory(dir)) return files;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.is_regular_file()) files.push_back(entry.path());
  return files;
}

size_t Replay(const Target& target, const std::string& kind) {
  std::vector<std::filesystem::path> files = InputsIn("tests/fuzz/" + kind + "/" + target.name);
  for (const auto& file : files) {
    SCOPED_TRACE(file.string());
    std::ifstream in(file, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(0, target.entry(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()));
  }
  return files.size();
}

void PrintTo(const Target& target, std::ostream* out) { *out << target.name; }

class FuzzReplayTest : public ::testing::TestWithParam<Target> {};

TEST_P(FuzzReplayTest, SeedsAndRegressionsRunClean) {
  EXPECT_GE(Replay(GetParam(), "corpus"), 3u) << "every target has a seed corpus";
  Replay(GetParam(), "regressions");
  // The empty input and a lone byte are the first things a fuzzer tries.
  EXPECT_EQ(0, GetParam().entry(nullptr, 0));
  const uint8_t byte = 0xff;
  EXPECT_EQ(0, GetParam().entry(&byte, 1));
}

INSTANTIATE_TEST_SUITE_P(Targets, FuzzReplayTest, ::testing::ValuesIn(kTargets),
                         [](const auto& target) { return std::string(target.param.name); });

}  // namespace
}  // namespace archive::fuzz
