// TopicModel: a per-topic vocabulary of weighted words and phrases (English and Spanish),
// kept in the repository as corpus/data/topic_vocabulary.tsv and compiled into the library,
// that scores an article's folded text and picks its topics. The vocabulary was written by
// hand from what the paper writes about, not from the sample generator's tables, so that
// measuring derivation on the sample archive is not circular.
//
// Immutable after construction; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/analyzer.h"
#include "core/status_or.h"
#include "corpus/derivation_options.h"

namespace archive::corpus {

// Weighted matches of one text, per topic in TopicModel::topics() order.
struct TopicScores {
  std::vector<double> weights;
  size_t words = 0;  // words of the text, for densities
};

class TopicModel {
 public:
  // Parses a vocabulary in the format of corpus/data/topic_vocabulary.tsv (described at its
  // top). Terms are folded with `analyzer`, as the text will be. kInvalidArgument names the
  // line of a malformed entry.
  static StatusOr<TopicModel> Parse(std::string_view tsv, const Analyzer& analyzer);

  // The vocabulary compiled into the library.
  static StatusOr<TopicModel> Builtin(const Analyzer& analyzer);

  // The topics, in order of first appearance in the vocabulary.
  const std::vector<std::string>& topics() const { return topics_; }

  // Adds the matches in `folded` (Analyzer::Fold output), each counted `times` times.
  void Score(std::string_view folded, double times, TopicScores* scores) const;

  // The dominant topic, then up to max_topics - 1 others over the thresholds; empty when
  // the dominant one falls short of them.
  std::vector<std::string> Assign(const TopicScores& scores,
                                  const TopicThresholds& thresholds) const;

 private:
  struct Term {
    int topic;
    double weight;
    std::vector<std::string> words;
    bool last_is_prefix;  // "evict*": the last word matches any word starting so
  };
  struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  using TermIndex = std::unordered_map<std::string, std::vector<int>, StringHash, std::equal_to<>>;

  Status AddLine(std::string_view line, size_t line_number, const Analyzer& analyzer);
  Status AddTerm(int topic, double weight, std::string_view raw, const Analyzer& analyzer);
  int TopicIndex(std::string_view name);
  bool Matches(const Term& term, const std::vector<std::string_view>& words, size_t at) const;
  void MatchAt(const std::vector<std::string_view>& words, size_t at, double times,
               TopicScores* scores) const;

  std::vector<std::string> topics_;
  std::vector<Term> terms_;
  TermIndex by_word_;                   // a term's first word, when it is matched exactly
  TermIndex by_prefix_;                 // a one-word prefix term ("evict*"), by its prefix
  std::vector<size_t> prefix_lengths_;  // the distinct lengths in by_prefix_
};

// Splits folded text into words: runs of letters and digits, with inner apostrophes kept and
// a possessive "'s" dropped ("women's" -> "women").
std::vector<std::string_view> FoldedWords(std::string_view folded);

}  // namespace archive::corpus
