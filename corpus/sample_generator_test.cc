#include "corpus/sample_generator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "corpus/sample_json_writer.h"
#include "corpus/sample_slug.h"

namespace archive::corpus {
namespace {

using nlohmann::json;

constexpr int64_t kArticles = 500;

std::string Generate(uint64_t seed, int64_t articles, bool withhold = false) {
  SampleGenerator generator({.seed = seed, .articles = articles});
  Article record;
  std::string out;
  while (generator.Next(&record)) AppendArticleJsonLine(record, !withhold, &out);
  return out;
}

std::vector<json> ParseLines(const std::string& text) {
  std::vector<json> records;
  size_t start = 0;
  while (start < text.size()) {
    const size_t end = text.find('\n', start);
    records.push_back(json::parse(text.substr(start, end - start)));
    start = end + 1;
  }
  return records;
}

std::vector<Article> GenerateArticles(uint64_t seed, int64_t articles) {
  SampleGenerator generator({.seed = seed, .articles = articles});
  std::vector<Article> records;
  Article record;
  while (generator.Next(&record)) records.push_back(record);
  return records;
}

// The text of an HTML body without its tags; plain bodies are returned unchanged.
std::string WithoutTags(const std::string& body) {
  std::string text;
  bool in_tag = false;
  for (char c : body) {
    if (c == '<') in_tag = true;
    if (!in_tag) text.push_back(c);
    if (c == '>') in_tag = false;
  }
  return text;
}

// Lower-cased words; bytes of non-ASCII letters count as letters, typographic punctuation
// (U+2000..U+203F, encoded E2 80 xx) separates words.
std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool typographic =
        c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80;
    if (typographic) i += 2;
    if (!typographic && (std::isalnum(c) || c == '-' || c >= 0x80)) {
      word.push_back(static_cast<char>(std::tolower(c)));
    } else if (!word.empty()) {
      words.push_back(word);
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(word);
  return words;
}

// True when `name` occurs in `text` with no ASCII letter on either side.
bool MentionsWord(const std::string& text, const std::string& name) {
  for (size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + 1)) {
    const bool before = at > 0 && std::isalpha(static_cast<unsigned char>(text[at - 1]));
    const size_t after = at + name.size();
    const bool behind =
        after < text.size() && std::isalpha(static_cast<unsigned char>(text[after]));
    if (!before && !behind) return true;
  }
  return false;
}

TEST(SampleGeneratorTest, SameSeedSameBytesOtherSeedOtherBytes) {
  const std::string first = Generate(7, kArticles);
  EXPECT_EQ(first, Generate(7, kArticles));
  EXPECT_NE(first, Generate(8, kArticles));
}

TEST(SampleGeneratorTest, WriteSampleArchiveMatchesRecordByRecordOutput) {
  std::FILE* out = std::tmpfile();
  ASSERT_NE(out, nullptr);
  ASSERT_TRUE(WriteSampleArchive({.seed = 3, .articles = 120}, out, nullptr).ok());
  std::rewind(out);
  std::string written;
  char buffer[65536];
  for (size_t n; (n = std::fread(buffer, 1, sizeof(buffer), out)) > 0;) written.append(buffer, n);
  std::fclose(out);
  EXPECT_EQ(Generate(3, 120), written);
}

TEST(SampleGeneratorTest, CountsArticlesAndIssuesAndPutsIssuesAfterTheirArticles) {
  for (int64_t articles : {int64_t{0}, int64_t{1}, int64_t{25}, int64_t{510}}) {
    const std::vector<Article> records = GenerateArticles(11, articles);
    int64_t article_count = 0, issue_count = 0;
    std::set<int64_t> closed_issues;
    for (const Article& record : records) {
      if (record.kind == "issue") {
        ++issue_count;
        EXPECT_EQ(record.issue, issue_count) << record.id;
        closed_issues.insert(record.issue);
        continue;
      }
      ++article_count;
      // sa-YYYY-MM-NNNN-[w]PP: NNNN is the issue the article belongs to, printed or not.
      const int64_t issue = std::stoll(record.id.substr(11, 4));
      EXPECT_EQ(closed_issues.count(issue), 0u) << record.id << " comes after its issue record";
      EXPECT_EQ(issue, issue_count + 1) << record.id;
    }
    EXPECT_EQ(article_count, articles);
    EXPECT_EQ(issue_count, SampleGenerator::IssueCount(articles));
    EXPECT_EQ(issue_count, (articles + 24) / 25);
  }
}

TEST(SampleGeneratorTest, EveryLineParsesAndFollowsTheFormat) {
  const std::regex id_pattern("[A-Za-z0-9._:-]{1,128}");
  const std::regex date_pattern(R"(\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}Z)?)");
  std::set<std::string> ids, urls;
  std::map<int, std::string> issue_months;  // issue number -> "YYYY-MM"
  int web_only = 0, articles = 0;
  for (const json& record : ParseLines(Generate(5, kArticles))) {
    ASSERT_TRUE(record.is_object());
    const std::string id = record.at("id").get<std::string>();
    EXPECT_TRUE(std::regex_match(id, id_pattern)) << id;
    EXPECT_TRUE(ids.insert(id).second) << "duplicate id " << id;
    EXPECT_FALSE(record.at("title").get<std::string>().empty()) << id;
    EXPECT_FALSE(record.at("body").get<std::string>().empty()) << id;
    const std::string date = record.at("date").get<std::string>();
    EXPECT_TRUE(std::regex_match(date, date_pattern)) << id << " " << date;
    const std::string url = record.at("url").get<std::string>();
    EXPECT_EQ(url.rfind("https://example.org/", 0), 0u) << id;
    EXPECT_TRUE(urls.insert(url).second) << "duplicate url " << url;
    const std::string lang = record.at("lang").get<std::string>();
    EXPECT_TRUE(lang == "en" || lang == "es") << id;
    const std::string kind = record.at("kind").get<std::string>();
    if (kind == "issue") {
      issue_months[record.at("issue").get<int>()] = date.substr(0, 7);
      continue;
    }
    ASSERT_EQ(kind, "article");
    ++articles;
    const auto& authors = record.at("authors");
    EXPECT_TRUE(authors.size() == 1 || authors.size() == 2) << id;
    EXPECT_GE(record.at("topics").size(), 1u);
    EXPECT_LE(record.at("topics").size(), 3u);
    EXPECT_GE(record.at("cities").size(), 1u);
    EXPECT_LE(record.at("cities").size(), 2u);
    // Articles are dated within their issue's month (issue records come after them).
    EXPECT_EQ(date.substr(0, 7), id.substr(3, 7)) << id;
    if (!record.contains("issue")) ++web_only;
  }
  EXPECT_EQ(articles, kArticles);
  EXPECT_EQ(issue_months.size(), 20u);
  EXPECT_EQ(issue_months[1], "2013-09");
  EXPECT_EQ(issue_months[20], "2015-04");
  EXPECT_GT(web_only, kArticles / 20);
  EXPECT_LT(web_only, kArticles / 5);
}

TEST(SampleGeneratorTest, CitiesOfAnArticleAndNoOthersAreNamedInIt) {
  const SampleGenerator generator({});
  std::vector<std::string> all_cities;
  int us = 0, abroad = 0;
  for (const City& city : generator.vocabulary().cities()) {
    all_cities.emplace_back(city.name);
    (city.international ? abroad : us)++;
  }
  EXPECT_GE(us, 40);
  EXPECT_GE(abroad, 12);
  for (const Article& record : GenerateArticles(9, kArticles)) {
    const std::string text = record.title + "\n" + record.summary + "\n" + record.body;
    for (const std::string& city : all_cities) {
      const bool listed =
          std::find(record.cities.begin(), record.cities.end(), city) != record.cities.end();
      EXPECT_EQ(MentionsWord(text, city), listed) << record.id << " " << city;
    }
  }
}

TEST(SampleGeneratorTest, WithheldMetadataIsInTheTruthFile) {
  std::FILE* out = std::tmpfile();
  std::FILE* truth = std::tmpfile();
  ASSERT_TRUE(out != nullptr && truth != nullptr);
  ASSERT_TRUE(
      WriteSampleArchive({.seed = 4, .articles = 200, .withhold_metadata = true}, out, truth).ok());
  const auto read_all = [](std::FILE* file) {
    std::rewind(file);
    std::string text;
    char buffer[65536];
    for (size_t n; (n = std::fread(buffer, 1, sizeof(buffer), file)) > 0;) text.append(buffer, n);
    std::fclose(file);
    return text;
  };
  const std::vector<json> withheld = ParseLines(read_all(out));
  const std::vector<json> truths = ParseLines(read_all(truth));
  const std::vector<json> full = ParseLines(Generate(4, 200));
  ASSERT_EQ(withheld.size(), full.size());
  size_t next_truth = 0;
  for (size_t i = 0; i < full.size(); ++i) {
    EXPECT_FALSE(withheld[i].contains("topics"));
    EXPECT_FALSE(withheld[i].contains("cities"));
    json stripped = full[i];
    stripped.erase("topics");
    stripped.erase("cities");
    EXPECT_EQ(withheld[i], stripped);
    if (full[i].at("kind") == "issue") continue;
    ASSERT_LT(next_truth, truths.size());
    const json& line = truths[next_truth++];
    EXPECT_EQ(line.at("id"), full[i].at("id"));
    EXPECT_EQ(line.at("topics"), full[i].at("topics"));
    EXPECT_EQ(line.at("cities"), full[i].at("cities"));
  }
  EXPECT_EQ(next_truth, truths.size());
  EXPECT_EQ(next_truth, 200u);
}

TEST(SampleGeneratorTest, HasHtmlSpanishAndTypography) {
  int html = 0, spanish = 0, articles = 0;
  std::string everything;
  std::set<std::string> topics;
  for (const Article& record : GenerateArticles(2, kArticles)) {
    everything += record.title + record.body;
    if (record.kind != "article") continue;
    ++articles;
    if (record.body.rfind("<p>", 0) == 0) ++html;
    if (record.lang == "es") ++spanish;
    topics.insert(record.topics.begin(), record.topics.end());
    if (record.body.rfind("<p>", 0) != 0) {
      const size_t words = Words(record.body).size();
      EXPECT_GE(words, 280u) << record.id;
      EXPECT_LE(words, 1700u) << record.id;
    }
  }
  EXPECT_GT(html, articles / 10);
  EXPECT_LT(html, articles * 3 / 10);
  EXPECT_GT(spanish, articles / 50);
  EXPECT_LT(spanish, articles / 10);
  EXPECT_GE(topics.size(), 12u);
  for (const char* needle :
       {"&amp;", "&mdash;", "&rsquo;", "&#8220;", "<a href=\"", "<em>", "<strong>", "“", "’", "—",
        "$15", "#MeToo", "9/11", "é", "ā", "\n\n"}) {
    EXPECT_NE(everything.find(needle), std::string::npos) << needle;
  }
}

TEST(SampleGeneratorTest, TopicCanBeRecoveredFromMarkerWords) {
  const SampleGenerator generator({});
  const SampleVocabulary& vocabulary = generator.vocabulary();
  std::map<std::string, int> topic_ids;
  for (int topic = 0; topic < kTopicCount; ++topic) {
    topic_ids[std::string(vocabulary.topic_name(topic))] = topic;
  }
  int articles = 0, recovered = 0;
  std::vector<int> strong(kTopicCount, 0), strong_and_tagged(kTopicCount, 0);
  for (const Article& record : GenerateArticles(6, kArticles)) {
    if (record.kind != "article") continue;
    const Lang lang = record.lang == "es" ? Lang::kSpanish : Lang::kEnglish;
    std::vector<int> counts(kTopicCount, 0);
    for (const std::string& word : Words(WithoutTags(record.body))) {
      for (int topic = 0; topic < kTopicCount; ++topic) {
        for (std::string_view marker : vocabulary.topic(topic, lang).markers) {
          if (word == marker) ++counts[topic];
        }
      }
    }
    ++articles;
    const int best =
        static_cast<int>(std::max_element(counts.begin(), counts.end()) - counts.begin());
    if (best == topic_ids.at(record.topics[0])) ++recovered;
    for (int topic = 0; topic < kTopicCount; ++topic) {
      if (counts[topic] < 4) continue;
      ++strong[topic];
      for (const std::string& name : record.topics)
        strong_and_tagged[topic] += topic_ids.at(name) == topic;
    }
  }
  EXPECT_GE(recovered, articles * 9 / 10);
  for (int topic = 0; topic < kTopicCount; ++topic) {
    EXPECT_GT(strong[topic], 0) << vocabulary.topic_name(topic);
    EXPECT_GE(strong_and_tagged[topic] * 10, strong[topic] * 9) << vocabulary.topic_name(topic);
  }
}

TEST(SampleGeneratorTest, RecurringPeopleSpanYears) {
  std::set<std::string> years;
  for (const Article& record : GenerateArticles(1, 3000)) {
    if (record.kind == "article" && record.body.find("Kavita Sāhni") != std::string::npos) {
      years.insert(record.date.substr(0, 4));
    }
  }
  EXPECT_GE(years.size(), 8u);
}

TEST(SampleJsonWriterTest, EscapesWhatJsonRequires) {
  const std::string text = "quote \" backslash \\ tab \t newline \n bell \x07 São “ok”";
  std::string literal;
  AppendJsonString(text, &literal);
  EXPECT_EQ(json::parse(literal).get<std::string>(), text);
}

TEST(SampleSlugTest, FoldsAccentsAndPunctuation) {
  std::string slug;
  AppendSlug("São Paulo: ¡Huelga! Workers’ $15 fight — Kraków", 70, &slug);
  EXPECT_EQ(slug, "sao-paulo-huelga-workers-15-fight-krakow");
}

}  // namespace
}  // namespace archive::corpus
