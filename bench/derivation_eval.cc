// derivation_eval: how well corpus::ReadSource derives missing topics and cities, measured
// against the sample generator's truth file (docs/derivation.md):
//
//   archive-corpus --seed 2 --withhold-metadata --truth t.jsonl --out a.jsonl
//   derivation_eval --archive a.jsonl --truth t.jsonl
//
// Prints micro precision, recall and F1 for topics and for cities, and how often the first
// derived topic is the dominant one. The threshold flags exist for tuning on another seed.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <vector>

#include "corpus/corpus_reader.h"
#include "corpus/derivation_score.h"

namespace {

using archive::corpus::SetScore;

struct Truth {
  std::vector<std::string> topics, cities;
};

bool ReadTruth(const std::string& path, std::unordered_map<std::string, Truth>* truth) {
  std::ifstream in(path);
  if (!in) return false;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    nlohmann::json record = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (record.is_discarded()) return false;
    (*truth)[record.value("id", "")] = {record.value("topics", std::vector<std::string>{}),
                                        record.value("cities", std::vector<std::string>{})};
  }
  return true;
}

struct Tally {
  SetScore topics, cities;
  std::map<std::string, SetScore> per_topic;  // each topic alone, for tuning the vocabulary
  uint64_t articles = 0, first_topic_right = 0, no_topic = 0, no_city = 0;
};

void Print(const char* what, const SetScore& score) {
  std::printf("%-20s precision %.3f  recall %.3f  F1 %.3f  (%llu derived, %llu true)\n", what,
              score.precision(), score.recall(), score.f1(),
              static_cast<unsigned long long>(score.derived()),
              static_cast<unsigned long long>(score.truth()));
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Measures derived topics and cities against a truth file"};
  std::string archive_path, truth_path;
  archive::corpus::ReaderOptions options;
  archive::corpus::TopicThresholds& t = options.derivation.topics;
  app.add_option("--archive", archive_path, "archive read with derivation on")->required();
  app.add_option("--truth", truth_path, "archive-corpus --truth output")->required();
  app.add_option("--min-score", t.min_score, "dominant topic: least weight");
  app.add_option("--min-density", t.min_density, "dominant topic: least weight per 100 words");
  app.add_option("--secondary-ratio", t.secondary_ratio, "other topics: least share of the top");
  app.add_option("--secondary-density", t.secondary_density, "other topics: per 100 words");
  bool by_topic = false;
  app.add_flag("--by-topic", by_topic, "also print each topic's figures");
  CLI11_PARSE(app, argc, argv);

  std::unordered_map<std::string, Truth> truth;
  if (!ReadTruth(truth_path, &truth)) {
    std::fprintf(stderr, "%s: cannot read the truth file\n", truth_path.c_str());
    return 2;
  }
  Tally tally;
  archive::corpus::SourceCallbacks callbacks;
  callbacks.on_article = [&](archive::Article&& article) {
    auto it = truth.find(article.id);
    if (it == truth.end()) return;  // issue records have no truth
    ++tally.articles;
    tally.topics.Add(article.topics, it->second.topics);
    tally.cities.Add(article.cities, it->second.cities);
    for (const std::string& topic : it->second.topics) tally.per_topic[topic];
    for (auto& [topic, score] : tally.per_topic) {
      auto only = [&](const std::vector<std::string>& all) {
        return std::find(all.begin(), all.end(), topic) == all.end() ? std::vector<std::string>{}
                                                                     : std::vector{topic};
      };
      score.Add(only(article.topics), only(it->second.topics));
    }
    tally.no_topic += article.topics.empty();
    tally.no_city += article.cities.empty();
    tally.first_topic_right += !article.topics.empty() && !it->second.topics.empty() &&
                               article.topics[0] == it->second.topics[0];
  };
  archive::Status read = archive::corpus::ReadSource(archive_path, options, callbacks);
  if (!read.ok()) {
    std::fprintf(stderr, "%s\n", read.ToString().c_str());
    return 2;
  }
  std::printf("%llu articles\n", static_cast<unsigned long long>(tally.articles));
  Print("topics", tally.topics);
  Print("cities", tally.cities);
  std::printf("dominant topic first: %.3f\n",
              tally.articles ? double(tally.first_topic_right) / double(tally.articles) : 0.0);
  if (by_topic) {
    for (const auto& [topic, score] : tally.per_topic) Print(topic.c_str(), score);
  }
  std::printf("without topics: %llu, without cities: %llu\n",
              static_cast<unsigned long long>(tally.no_topic),
              static_cast<unsigned long long>(tally.no_city));
  return 0;
}
