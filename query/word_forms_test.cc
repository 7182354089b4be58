#include "query/word_forms.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <string>
#include <thread>
#include <vector>

#include "core/analyzer.h"

namespace archive::query {
namespace {

class WordFormsTest : public ::testing::Test {
 protected:
  const Analyzer analyzer_ = Analyzer::Create().value();
  const Xapian::Stem english_{"english"};
  const Xapian::Stem spanish_{"spanish"};
};

TEST_F(WordFormsTest, FoldsThenStemsInBothLanguages) {
  WordForms forms = ComputeWordForms("Sāwant’s", analyzer_, english_, spanish_);
  EXPECT_EQ("sawant's", forms.folded);
  forms = ComputeWordForms("Marching", analyzer_, english_, spanish_);
  EXPECT_EQ("marching", forms.folded);
  EXPECT_EQ("march", forms.english);
  forms = ComputeWordForms("inquilinos", analyzer_, english_, spanish_);
  EXPECT_EQ("inquilin", forms.spanish);
  // "$15" folds to "15dollars 15": the first token is the word.
  EXPECT_EQ("15dollars", ComputeWordForms("$15", analyzer_, english_, spanish_).folded);
}

TEST_F(WordFormsTest, CachedFormsAreTheComputedOnes) {
  WordFormCache cache(1024);
  for (int round = 0; round < 2; ++round) {  // a miss, then a hit
    for (const char* word : {"Sāwant’s", "Marching", "inquilinos", "$15", "CAFÉ"}) {
      const WordForms want = ComputeWordForms(word, analyzer_, english_, spanish_);
      const WordForms got = cache.Get(word, analyzer_, english_, spanish_);
      EXPECT_EQ(want.folded, got.folded) << word;
      EXPECT_EQ(want.english, got.english) << word;
      EXPECT_EQ(want.spanish, got.spanish) << word;
    }
  }
  EXPECT_EQ(5u, cache.size());
}

// One cache for every thread: its size stays within its capacity however many threads
// fill it (a per-thread cache grows with the thread count), and every answer is right.
TEST_F(WordFormsTest, SharedByThreadsAndBounded) {
  WordFormCache cache(256);
  ASSERT_EQ(256u, cache.capacity());
  constexpr int kThreads = 8;
  std::vector<int> wrong(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      const Xapian::Stem english("english"), spanish("spanish");  // one per thread
      for (int i = 0; i < 2000; ++i) {
        // Words shared by all threads and words of this thread alone.
        const std::string word = (i % 2 ? "Walking" + std::to_string(i % 50)
                                        : "Strikes" + std::to_string(t * 10000 + i));
        const WordForms got = cache.Get(word, analyzer_, english, spanish);
        if (got.folded != analyzer_.Fold(word) || got.english != english(got.folded)) ++wrong[t];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(0, wrong[t]) << t;
  EXPECT_LE(cache.size(), cache.capacity());
  EXPECT_GT(cache.size(), 0u);
}

TEST_F(WordFormsTest, ZeroCapacityHoldsNothing) {
  WordFormCache cache(0);
  EXPECT_EQ("march", cache.Get("marching", analyzer_, english_, spanish_).english);
  EXPECT_EQ(0u, cache.size());
}

}  // namespace
}  // namespace archive::query
