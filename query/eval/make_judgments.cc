// archive-make-judgments: writes the judged query set of docs/evaluation.md from the
// sample generator's ground truth (seed 1, 3,000 articles unless told otherwise).
//   archive-make-judgments QUERIES_OUT QRELS_OUT [SEED] [ARTICLES]
// Grades: 3 the article a typed headline names; 2 the article is about the query's subject
// (its dominant topic, its first city, its storyline); 1 related (a secondary topic, a
// second city, the storyline's topic and city in its years). Unlisted: not relevant.
#include <cstdio>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "corpus/sample_generator.h"

namespace {

using archive::Article;
using archive::corpus::SampleGenerator;

struct Query {
  std::string qid, text;
  std::map<std::string, int> grades;
};

bool Has(const std::vector<std::string>& values, std::string_view value) {
  for (const std::string& v : values) {
    if (v == value) return true;
  }
  return false;
}

int Year(const Article& a) { return a.date.size() >= 4 ? std::stoi(a.date.substr(0, 4)) : 0; }

std::string Qid(const char* kind, size_t n) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%s%02zu", kind, n);
  return buffer;
}

// The storylines' names as a reader would type them, and a string only their articles hold.
struct StorylineQuery {
  const char* text;
  const char* key;
};
constexpr StorylineQuery kStorylineQueries[] = {
    {"Kavita Sahni", "Sāhni"},
    {"Rent Control Now", "Rent Control Now"},
    {"Redwater Logistics union", "Redwater"},
    {"Bluebird Coffee baristas", "Bluebird Coffee"},
    {"St. Anselm nurses", "St. Anselm"},
    {"$15 Today campaign", "$15 Today"},
    {"Northern Crest pipeline", "Northern Crest"},
    {"police review board", "review board"},
    {"Lakeshore University encampment", "Lakeshore"},
    {"Okonkwo-Reyes campaign", "Okonkwo-Reyes"},
    {"Sanctuary Houston", "Sanctuary"},
};

void TopicQueries(const SampleGenerator& generator, const std::vector<Article>& articles,
                  std::vector<Query>& out) {
  const auto& vocabulary = generator.vocabulary();
  for (int t = 0; t < archive::corpus::kTopicCount; ++t) {
    const auto& words = vocabulary.topic(t, archive::corpus::Lang::kEnglish);
    const std::string name(vocabulary.topic_name(t));
    Query q{
        Qid("T", out.size() + 1),
        std::string(words.markers[0]) + " " + std::string(words.markers[words.markers.size() / 2]),
        {}};
    for (const Article& a : articles) {
      if (!a.topics.empty() && a.topics[0] == name)
        q.grades[a.id] = 2;
      else if (Has(a.topics, name))
        q.grades[a.id] = 1;
    }
    out.push_back(std::move(q));
  }
}

void CityQueries(const SampleGenerator& generator, const std::vector<Article>& articles,
                 std::vector<Query>& out) {
  const auto cities = generator.vocabulary().cities();
  const size_t first = out.size();
  for (size_t c = 0; c < cities.size() && out.size() - first < 15; c += 3) {
    const std::string name(cities[c].name);
    Query q{Qid("C", out.size() - first + 1), name, {}};
    for (const Article& a : articles) {
      if (!a.cities.empty() && a.cities[0] == name)
        q.grades[a.id] = 2;
      else if (Has(a.cities, name))
        q.grades[a.id] = 1;
    }
    if (!q.grades.empty()) out.push_back(std::move(q));
  }
}

void TopicCityQueries(const SampleGenerator& generator, const std::vector<Article>& articles,
                      std::vector<Query>& out) {
  const auto& vocabulary = generator.vocabulary();
  const auto cities = vocabulary.cities();
  const size_t first = out.size();
  for (int n = 0; n < 40 && out.size() - first < 10; ++n) {
    const int t = (n * 5) % archive::corpus::kTopicCount;
    const std::string city(cities[static_cast<size_t>(n * 7) % 20].name);
    const std::string topic(vocabulary.topic_name(t));
    Query q{
        Qid("X", out.size() - first + 1),
        std::string(vocabulary.topic(t, archive::corpus::Lang::kEnglish).markers[0]) + " " + city,
        {}};
    for (const Article& a : articles) {
      if (!Has(a.cities, city)) continue;
      if (!a.topics.empty() && a.topics[0] == topic)
        q.grades[a.id] = 2;
      else if (Has(a.topics, topic))
        q.grades[a.id] = 1;
    }
    if (q.grades.size() >= 3) out.push_back(std::move(q));
  }
}

void StorylineQueries(const SampleGenerator& generator, const std::vector<Article>& articles,
                      std::vector<Query>& out) {
  const auto storylines = generator.vocabulary().storylines();
  for (size_t s = 0; s < storylines.size(); ++s) {
    const auto& story = storylines[s];
    const std::string topic(generator.vocabulary().topic_name(story.topic));
    Query q{Qid("S", s + 1), kStorylineQueries[s].text, {}};
    for (const Article& a : articles) {
      if (!Has(a.cities, story.city)) continue;
      const bool named = a.title.find(kStorylineQueries[s].key) != std::string::npos ||
                         a.body.find(kStorylineQueries[s].key) != std::string::npos;
      if (named)
        q.grades[a.id] = 2;
      else if (!a.topics.empty() && a.topics[0] == topic && Year(a) >= story.first_year &&
               Year(a) <= story.last_year)
        q.grades[a.id] = 1;
    }
    out.push_back(std::move(q));
  }
}

void HeadlineQueries(const std::vector<Article>& articles, std::vector<Query>& out) {
  std::map<std::string, int> uses;
  for (const Article& a : articles) ++uses[a.title];
  size_t n = 0;
  for (size_t i = 7; i < articles.size() && n < 12; i += 241) {
    size_t j = i;
    while (j < articles.size() && (uses[articles[j].title] != 1 || articles[j].lang != "en")) ++j;
    if (j == articles.size()) break;
    out.push_back({Qid("H", ++n), articles[j].title, {{articles[j].id, 3}}});
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: archive-make-judgments QUERIES_OUT QRELS_OUT [SEED] [ARTICLES]\n");
    return 2;
  }
  archive::corpus::SampleOptions options;
  if (argc > 3) options.seed = std::stoull(argv[3]);
  if (argc > 4) options.articles = std::stoll(argv[4]);
  SampleGenerator generator(options);
  std::vector<Article> articles;
  for (Article a; generator.Next(&a);) {
    if (a.kind == "article") articles.push_back(a);
  }
  std::vector<Query> queries;
  TopicQueries(generator, articles, queries);
  CityQueries(generator, articles, queries);
  TopicCityQueries(generator, articles, queries);
  StorylineQueries(generator, articles, queries);
  HeadlineQueries(articles, queries);
  std::ofstream query_file(argv[1]), qrels_file(argv[2]);
  for (const Query& q : queries) {
    query_file << q.qid << "\t" << q.text << "\n";
    for (const auto& [id, grade] : q.grades)
      qrels_file << q.qid << " 0 " << id << " " << grade << "\n";
  }
  std::fprintf(stderr, "%zu queries over %zu articles\n", queries.size(), articles.size());
  return query_file && qrels_file ? 0 : 1;
}
