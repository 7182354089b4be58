// Derivation measured end to end: a generated archive without its metadata is read through
// corpus::ReadSource and compared with the generator's truth. The floors are the figures
// measured on this archive (seed 3, 300 articles; docs/derivation.md) less a margin, so a
// change that breaks derivation fails here while noise in the vocabulary does not.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "corpus/corpus_reader.h"
#include "corpus/derivation_score.h"
#include "corpus/sample_generator.h"

namespace archive::corpus {
namespace {

TEST(DerivationQualityTest, PrecisionAndRecallStayAboveFloors) {
  const std::filesystem::path dir = testing::TempDir();
  const std::filesystem::path archive = dir / "derivation_quality.jsonl";
  const std::filesystem::path truth_path = dir / "derivation_quality_truth.jsonl";
  {
    std::FILE* out = std::fopen(archive.c_str(), "wb");
    std::FILE* truth = std::fopen(truth_path.c_str(), "wb");
    ASSERT_TRUE(out != nullptr && truth != nullptr);
    Status written =
        WriteSampleArchive({.seed = 3, .articles = 300, .withhold_metadata = true}, out, truth);
    std::fclose(out);
    std::fclose(truth);
    ASSERT_TRUE(written.ok()) << written.ToString();
  }
  std::unordered_map<std::string, nlohmann::json> truth;
  std::ifstream truth_in(truth_path);
  for (std::string line; std::getline(truth_in, line);) {
    nlohmann::json record = nlohmann::json::parse(line);
    truth[record["id"].get<std::string>()] = record;
  }
  ASSERT_EQ(300u, truth.size());

  SetScore topics, cities;
  size_t articles = 0, dominant_first = 0;
  Status read = ReadSource(
      archive.string(), ReaderOptions{},
      {[&](Article&& article) {
         auto it = truth.find(article.id);
         if (it == truth.end()) return;
         auto true_topics = it->second["topics"].get<std::vector<std::string>>();
         topics.Add(article.topics, true_topics);
         cities.Add(article.cities, it->second["cities"].get<std::vector<std::string>>());
         ++articles;
         dominant_first += !article.topics.empty() && article.topics[0] == true_topics.at(0);
       },
       nullptr, nullptr});
  ASSERT_TRUE(read.ok()) << read.ToString();
  ASSERT_EQ(300u, articles);
  // Measured: topics 0.946 / 0.888, dominant 1.000, cities 1.000 / 1.000.
  EXPECT_GE(topics.precision(), 0.90);
  EXPECT_GE(topics.recall(), 0.80);
  EXPECT_GE(double(dominant_first) / double(articles), 0.93);
  EXPECT_GE(cities.precision(), 0.97);
  EXPECT_GE(cities.recall(), 0.97);
  std::filesystem::remove(archive);
  std::filesystem::remove(truth_path);
}

}  // namespace
}  // namespace archive::corpus
