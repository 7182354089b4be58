#include "corpus/topic_model.h"

#include <algorithm>
#include <charconv>
#include <numeric>

namespace archive::corpus::data {
// Written by cmake/EmbedFile.cmake from corpus/data/topic_vocabulary.tsv.
extern const std::string_view kTopicVocabularyTsv;
}  // namespace archive::corpus::data

namespace archive::corpus {
namespace {

bool IsWordByte(char c) {
  auto u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u >= 0x80;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> Split(std::string_view s, char separator) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t end; (end = s.find(separator, start)) != std::string_view::npos; start = end + 1)
    parts.push_back(s.substr(start, end - start));
  parts.push_back(s.substr(start));
  return parts;
}

}  // namespace

std::vector<std::string_view> FoldedWords(std::string_view folded) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < folded.size()) {
    if (!IsWordByte(folded[i])) {
      ++i;
      continue;
    }
    size_t start = i;
    while (i < folded.size() &&
           (IsWordByte(folded[i]) ||
            (folded[i] == '\'' && i + 1 < folded.size() && IsWordByte(folded[i + 1]))))
      ++i;
    std::string_view word = folded.substr(start, i - start);
    if (word.size() > 2 && word.ends_with("'s")) word.remove_suffix(2);
    words.push_back(word);
  }
  return words;
}

StatusOr<TopicModel> TopicModel::Parse(std::string_view tsv, const Analyzer& analyzer) {
  TopicModel model;
  size_t line_number = 0;
  for (std::string_view line : Split(tsv, '\n')) {
    ++line_number;
    if (Trim(line).empty() || Trim(line).front() == '#') continue;
    Status added = model.AddLine(line, line_number, analyzer);
    if (!added.ok()) return added;
  }
  if (model.terms_.empty()) return Status::InvalidArgument("topic vocabulary: no terms");
  std::sort(model.prefix_lengths_.begin(), model.prefix_lengths_.end());
  return model;
}

StatusOr<TopicModel> TopicModel::Builtin(const Analyzer& analyzer) {
  return Parse(data::kTopicVocabularyTsv, analyzer);
}

Status TopicModel::AddLine(std::string_view line, size_t line_number, const Analyzer& analyzer) {
  const std::string where = "topic vocabulary line " + std::to_string(line_number) + ": ";
  std::vector<std::string_view> fields = Split(line, '\t');
  if (fields.size() != 4)
    return Status::InvalidArgument(where + "expected TOPIC, LANG, WEIGHT and TERMS, tab-separated");
  std::string_view topic = Trim(fields[0]), weight_text = Trim(fields[2]);
  double weight = 0;
  auto [end, error] =
      std::from_chars(weight_text.data(), weight_text.data() + weight_text.size(), weight);
  if (topic.empty() || error != std::errc() || end != weight_text.data() + weight_text.size() ||
      weight <= 0)
    return Status::InvalidArgument(where + "weight: not a positive number");
  int index = TopicIndex(topic);
  for (std::string_view raw : Split(fields[3], ',')) {
    if (Trim(raw).empty()) continue;
    Status added = AddTerm(index, weight, Trim(raw), analyzer);
    if (!added.ok()) return Status::InvalidArgument(where + added.message());
  }
  return Status::Ok();
}

Status TopicModel::AddTerm(int topic, double weight, std::string_view raw,
                           const Analyzer& analyzer) {
  Term term{topic, weight, {}, raw.ends_with('*')};
  if (term.last_is_prefix) raw.remove_suffix(1);
  const std::string folded = analyzer.Fold(raw);  // outlives the views FoldedWords returns
  for (std::string_view word : FoldedWords(folded)) term.words.emplace_back(word);
  std::string quoted(raw);
  quoted.insert(0, 1, '"').append(term.last_is_prefix ? "*\"" : "\"");
  if (term.words.empty()) return Status::InvalidArgument(quoted.append(": no words"));
  // A short prefix ("wa*") would match half the language.
  if (term.last_is_prefix && term.words.back().size() < 3)
    return Status::InvalidArgument(quoted.append(": prefix shorter than 3"));
  int id = static_cast<int>(terms_.size());
  if (term.last_is_prefix && term.words.size() == 1) {
    size_t length = term.words[0].size();
    by_prefix_[term.words[0]].push_back(id);
    if (std::find(prefix_lengths_.begin(), prefix_lengths_.end(), length) == prefix_lengths_.end())
      prefix_lengths_.push_back(length);
  } else {
    by_word_[term.words[0]].push_back(id);
  }
  terms_.push_back(std::move(term));
  return Status::Ok();
}

int TopicModel::TopicIndex(std::string_view name) {
  auto it = std::find(topics_.begin(), topics_.end(), name);
  if (it != topics_.end()) return static_cast<int>(it - topics_.begin());
  topics_.emplace_back(name);
  return static_cast<int>(topics_.size()) - 1;
}

bool TopicModel::Matches(const Term& term, const std::vector<std::string_view>& words,
                         size_t at) const {
  if (at + term.words.size() > words.size()) return false;
  for (size_t k = 0; k < term.words.size(); ++k) {
    std::string_view word = words[at + k];
    bool prefix = term.last_is_prefix && k + 1 == term.words.size();
    if (prefix ? !word.starts_with(term.words[k]) : word != term.words[k]) return false;
  }
  return true;
}

void TopicModel::MatchAt(const std::vector<std::string_view>& words, size_t at, double times,
                         TopicScores* scores) const {
  auto add_matches = [&](const std::vector<int>& ids) {
    for (int id : ids) {
      const Term& term = terms_[id];
      if (Matches(term, words, at)) scores->weights[term.topic] += term.weight * times;
    }
  };
  std::string_view word = words[at];
  if (auto it = by_word_.find(word); it != by_word_.end()) add_matches(it->second);
  for (size_t length : prefix_lengths_) {
    if (length > word.size()) break;
    if (auto it = by_prefix_.find(word.substr(0, length)); it != by_prefix_.end())
      add_matches(it->second);
  }
}

void TopicModel::Score(std::string_view folded, double times, TopicScores* scores) const {
  scores->weights.resize(topics_.size(), 0.0);
  std::vector<std::string_view> words = FoldedWords(folded);
  for (size_t at = 0; at < words.size(); ++at) MatchAt(words, at, times, scores);
  scores->words += words.size();
}

std::vector<std::string> TopicModel::Assign(const TopicScores& scores,
                                            const TopicThresholds& thresholds) const {
  std::vector<size_t> order(scores.weights.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return scores.weights[a] > scores.weights[b]; });
  std::vector<std::string> assigned;
  if (order.empty()) return assigned;
  // Densities per 100 words; a short text is judged as if it had 100.
  const double per_hundred = std::max(static_cast<double>(scores.words), 100.0) / 100.0;
  const double top = scores.weights[order[0]];
  if (top < thresholds.min_score || top / per_hundred < thresholds.min_density) return assigned;
  assigned.push_back(topics_[order[0]]);
  for (size_t k = 1; k < order.size() && assigned.size() < thresholds.max_topics; ++k) {
    double weight = scores.weights[order[k]];
    if (weight < thresholds.secondary_ratio * top ||
        weight / per_hundred < thresholds.secondary_density)
      break;
    assigned.push_back(topics_[order[k]]);
  }
  return assigned;
}

}  // namespace archive::corpus
