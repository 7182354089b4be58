#include "corpus/sample_generator.h"

#include <algorithm>
#include <cassert>

#include "corpus/sample_json_writer.h"
#include "corpus/sample_slug.h"

namespace archive::corpus {
namespace {

constexpr std::string_view kSiteUrl = "https://example.org";
constexpr std::string_view kMonthNames[12] = {"January",   "February", "March",    "April",
                                              "May",       "June",     "July",     "August",
                                              "September", "October",  "November", "December"};
constexpr std::string_view kSpanishSection = "En Español";
constexpr size_t kMaxSlugLength = 70;
constexpr size_t kFlushBytes = 1 << 20;

struct YearMonth {
  int year;
  int month;  // 1-12
};

YearMonth IssueMonth(int64_t issue_index) {
  const int64_t months = (kFirstIssueMonth - 1) + issue_index;
  return {kFirstIssueYear + static_cast<int>(months / 12), static_cast<int>(months % 12) + 1};
}

// Appends `value` in decimal, zero-padded to at least `width` digits.
void AppendPadded(int64_t value, int width, std::string* out) {
  char digits[24];
  int length = 0;
  do {
    digits[length++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value > 0);
  for (int i = length; i < width; ++i) out->push_back('0');
  while (length > 0) out->push_back(digits[--length]);
}

void AppendDate(YearMonth when, int day, std::string* out) {
  AppendPadded(when.year, 4, out);
  out->push_back('-');
  AppendPadded(when.month, 2, out);
  out->push_back('-');
  AppendPadded(day, 2, out);
}

int PickWeighted(std::span<const uint32_t> weights, SampleRandom& rng) {
  uint32_t total = 0;
  for (uint32_t weight : weights) total += weight;
  uint32_t roll = rng.Below(total);
  for (size_t i = 0; i < weights.size(); ++i) {
    if (roll < weights[i]) return static_cast<int>(i);
    roll -= weights[i];
  }
  return 0;
}

bool Contains(const int* items, int count, int item) {
  return std::find(items, items + count, item) != items + count;
}

}  // namespace

SampleGenerator::SampleGenerator(const SampleOptions& options)
    : options_(options), text_writer_(vocabulary_), issue_count_(IssueCount(options.articles)) {
  assert(options.articles >= 0 && options.articles <= kMaxSampleArticles);
  const std::span<const City> cities = vocabulary_.cities();
  for (int i = 0; i < static_cast<int>(cities.size()); ++i) {
    (cities[i].international ? world_cities_ : us_cities_).push_back(i);
  }
  const std::span<const Author> authors = vocabulary_.authors();
  for (int i = 0; i < static_cast<int>(authors.size()); ++i) {
    (cities[authors[i].home_city].international ? world_authors_ : us_authors_).push_back(i);
  }
  for (const Storyline& storyline : vocabulary_.storylines()) {
    const auto found = std::find_if(cities.begin(), cities.end(),
                                    [&](const City& city) { return city.name == storyline.city; });
    assert(found != cities.end());
    storyline_cities_.push_back(static_cast<int>(found - cities.begin()));
  }
}

SampleGenerator::~SampleGenerator() = default;

int64_t SampleGenerator::IssueCount(int64_t articles) {
  return (articles + kArticlesPerIssue - 1) / kArticlesPerIssue;
}

bool SampleGenerator::Next(Article* record) {
  if (issue_index_ >= issue_count_) return false;
  const int64_t in_issue =
      std::min<int64_t>(kArticlesPerIssue, options_.articles - issue_index_ * kArticlesPerIssue);
  if (position_ < in_issue) {
    BuildArticle(issue_index_, position_++, record);
    return true;
  }
  BuildIssue(issue_index_, record);
  contents_.clear();
  issue_urls_.clear();
  ++issue_index_;
  position_ = 0;
  return true;
}

ArticlePlan SampleGenerator::Plan(int year, SampleRandom& rng) const {
  ArticlePlan plan;
  plan.lang = rng.Percent(5) ? Lang::kSpanish : Lang::kEnglish;

  int storyline_index = -1;
  if (plan.lang == Lang::kEnglish && rng.Percent(30)) {
    int active[16];
    int active_count = 0;
    const std::span<const Storyline> storylines = vocabulary_.storylines();
    for (int i = 0; i < static_cast<int>(storylines.size()) && active_count < 16; ++i) {
      if (storylines[i].first_year <= year && year <= storylines[i].last_year) {
        active[active_count++] = i;
      }
    }
    if (active_count > 0) {
      storyline_index = active[rng.Below(static_cast<uint32_t>(active_count))];
      plan.storyline = &storylines[storyline_index];
    }
  }

  // Topics: the first dominates; a storyline brings its second topic along.
  plan.topics[0] = plan.storyline != nullptr ? plan.storyline->topic
                                             : PickWeighted(vocabulary_.topic_weights(), rng);
  plan.topic_count = 1;
  if (plan.storyline != nullptr && plan.storyline->second_topic != plan.storyline->topic) {
    plan.topics[plan.topic_count++] = plan.storyline->second_topic;
  }
  const uint32_t extra_roll = rng.Below(100);
  const int wanted = 1 + (extra_roll < 45 ? 1 : 0) + (extra_roll < 15 ? 1 : 0);
  while (plan.topic_count < wanted) {
    const int topic = PickWeighted(vocabulary_.topic_weights(), rng);
    if (!Contains(plan.topics, plan.topic_count, topic)) plan.topics[plan.topic_count++] = topic;
  }

  // Authors and the cities reported from: International pieces come from correspondents
  // abroad; most others from the first author's home town.
  const bool abroad = plan.topics[0] == kInternational;
  const std::vector<int>& author_pool = abroad ? world_authors_ : us_authors_;
  const std::vector<int>& city_pool = abroad ? world_cities_ : us_cities_;
  plan.authors[0] = rng.Pick<int>(author_pool);
  plan.author_count = 1;
  if (rng.Percent(20)) {
    const int second = rng.Pick<int>(us_authors_);
    if (second != plan.authors[0]) plan.authors[plan.author_count++] = second;
  }
  if (storyline_index >= 0) {
    plan.cities[0] = storyline_cities_[storyline_index];
  } else if (abroad || rng.Percent(65)) {
    plan.cities[0] = vocabulary_.authors()[plan.authors[0]].home_city;
  } else {
    plan.cities[0] = rng.Pick<int>(city_pool);
  }
  plan.city_count = 1;
  if (rng.Percent(30)) {
    const int second = rng.Pick<int>(city_pool);
    if (second != plan.cities[0]) plan.cities[plan.city_count++] = second;
  }

  plan.html = rng.Percent(20);
  plan.html_entities = plan.html && rng.Percent(60);
  plan.byline_city = rng.Percent(65);
  return plan;
}

void SampleGenerator::BuildArticle(int64_t issue_index, int position, Article* article) {
  SampleRandom rng(SampleRandom::Mix(
      options_.seed, static_cast<uint64_t>(issue_index) * 64 + static_cast<uint64_t>(position)));
  const YearMonth when = IssueMonth(issue_index);
  const bool web_only = rng.Percent(10);
  const int day = rng.Between(1, 28);
  const ArticlePlan plan = Plan(when.year, rng);

  article->id.assign("sa-");
  AppendPadded(when.year, 4, &article->id);
  article->id.push_back('-');
  AppendPadded(when.month, 2, &article->id);
  article->id.push_back('-');
  AppendPadded(issue_index + 1, 4, &article->id);
  article->id.append(web_only ? "-w" : "-");
  AppendPadded(position + 1, 2, &article->id);

  article->kind = "article";
  article->title.clear();
  text_writer_.WriteHeadline(plan, rng, &article->title);

  article->date.clear();
  AppendDate(when, day, &article->date);
  article->url.assign(kSiteUrl).push_back('/');
  article->url.append(article->date, 0, 4).push_back('/');
  article->url.append(article->date, 5, 2).push_back('/');
  article->url.append(article->date, 8, 2).push_back('/');
  AppendSlug(article->title, kMaxSlugLength, &article->url);
  // Like WordPress, number a repeated slug. URLs carry the date, and all of a month's articles
  // belong to one issue, so remembering the current issue's URLs is enough.
  const size_t plain_length = article->url.size();
  for (int copy = 2;
       std::find(issue_urls_.begin(), issue_urls_.end(), article->url) != issue_urls_.end();
       ++copy) {
    article->url.resize(plain_length);
    article->url.push_back('-');
    AppendPadded(copy, 1, &article->url);
  }
  issue_urls_.push_back(article->url);
  article->url.push_back('/');
  if (rng.Percent(15)) {  // WordPress exports carry a time of day
    article->date.push_back('T');
    AppendPadded(rng.Between(6, 22), 2, &article->date);
    article->date.push_back(':');
    AppendPadded(rng.Between(0, 59), 2, &article->date);
    article->date.append(":00Z");
  }

  article->issue = web_only ? 0 : static_cast<int>(issue_index + 1);
  article->authors.clear();
  for (int i = 0; i < plan.author_count; ++i) {
    article->authors.push_back(vocabulary_.authors()[plan.authors[i]].name);
  }
  article->topics.clear();
  for (int i = 0; i < plan.topic_count; ++i) {
    article->topics.emplace_back(vocabulary_.topic_name(plan.topics[i]));
  }
  article->cities.clear();
  for (int i = 0; i < plan.city_count; ++i) {
    article->cities.emplace_back(vocabulary_.cities()[plan.cities[i]].name);
  }
  article->summary.clear();
  if (rng.Percent(50)) text_writer_.WriteSummary(plan, rng, &article->summary);
  article->lang = plan.lang == Lang::kEnglish ? "en" : "es";
  article->body.clear();
  // Spanish tables are smaller, so Spanish articles are kept short to repeat themselves less.
  const int words = plan.lang == Lang::kEnglish ? rng.Between(300, 1500) : rng.Between(300, 650);
  text_writer_.WriteBody(plan, words, rng, &article->body);

  if (!web_only) {
    contents_.push_back(
        {plan.lang == Lang::kSpanish ? static_cast<int>(kTopicCount) : plan.topics[0],
         article->title});
  }
}

void SampleGenerator::BuildIssue(int64_t issue_index, Article* issue) {
  const YearMonth when = IssueMonth(issue_index);
  const int64_t number = issue_index + 1;
  std::string month_year(kMonthNames[when.month - 1]);
  month_year.push_back(' ');
  AppendPadded(when.year, 4, &month_year);

  issue->id.assign("issue-");
  AppendPadded(number, 4, &issue->id);
  issue->kind = "issue";
  issue->title.assign("Issue ");
  AppendPadded(number, 1, &issue->title);
  issue->title.append(": ").append(month_year);
  issue->date.clear();
  AppendDate(when, 1, &issue->date);
  issue->issue = static_cast<int>(number);
  issue->url.assign(kSiteUrl).append("/issue/");
  AppendPadded(number, 1, &issue->url);
  issue->url.push_back('/');
  issue->authors.clear();
  issue->topics.clear();
  issue->cities.clear();
  issue->summary.clear();
  issue->lang = "en";

  // The body is the printed table of contents: headlines under their section heads.
  issue->body.assign(issue->title).append("\n\nIn this issue:");
  if (contents_.empty()) issue->body.append("\n\nThe contents of this issue are not online yet.");
  std::stable_sort(contents_.begin(), contents_.end(),
                   [](const Headline& a, const Headline& b) { return a.section < b.section; });
  int section = -1;
  for (const Headline& headline : contents_) {
    if (headline.section != section) {
      section = headline.section;
      issue->body.append("\n\n").append(section == kTopicCount ? kSpanishSection
                                                               : vocabulary_.topic_name(section));
    }
    issue->body.append("\n").append(headline.text);
  }
}

Status WriteSampleArchive(const SampleOptions& options, std::FILE* out, std::FILE* truth) {
  SampleGenerator generator(options);
  Article record;
  std::string records, truths;
  records.reserve(2 * kFlushBytes);
  const auto flush = [](std::string* buffer, std::FILE* file) {
    const bool ok = std::fwrite(buffer->data(), 1, buffer->size(), file) == buffer->size();
    buffer->clear();
    return ok;
  };
  bool ok = true;
  while (ok && generator.Next(&record)) {
    AppendArticleJsonLine(record, !options.withhold_metadata, &records);
    if (truth != nullptr && record.kind == "article") AppendTruthJsonLine(record, &truths);
    if (records.size() >= kFlushBytes) ok = flush(&records, out);
    if (ok && truths.size() >= kFlushBytes) ok = flush(&truths, truth);
  }
  ok = ok && flush(&records, out) && std::fflush(out) == 0;
  if (truth != nullptr) ok = ok && flush(&truths, truth) && std::fflush(truth) == 0;
  if (!ok) return Status::IOError("writing the sample archive failed");
  return Status::Ok();
}

}  // namespace archive::corpus
