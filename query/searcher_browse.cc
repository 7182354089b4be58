// Browsing the archive without a query: one stored article, the list of printed issues,
// and an issue's table of contents.
#include <algorithm>
#include <charconv>
#include <climits>
#include <map>
#include <optional>
#include <unordered_set>

#include "core/schema.h"
#include "query/facet_table.h"
#include "query/search_run.h"

namespace archive::query {
namespace {

IndexState StateOf(const SearchContext& context) {
  return {context.snapshot.generation(), context.snapshot.revision()};
}

// A document's data is "id\nhash": the version of the article its postings came from.
StatusOr<Article> LoadStored(const SearchContext& context, const Xapian::Document& document) {
  const std::string data = document.get_data();
  const size_t newline = data.find('\n');
  const std::string id = data.substr(0, newline);
  const std::string hash = newline == std::string::npos ? "" : data.substr(newline + 1);
  StatusOr<Article> article = context.snapshot.Get(id, hash);
  if (!article.ok()) return article.status().WithContext("stored text of \"" + id + "\"");
  return article;
}

std::optional<int> ParseNumber(std::string_view digits) {
  int value = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error != std::errc() || end != digits.data() + digits.size() || digits.empty())
    return std::nullopt;
  return value;
}

// "issue-0087-p06" (the PDF reader's page ids) → {87, 6}.
std::optional<std::pair<int, int>> ParsePageId(std::string_view id) {
  if (!id.starts_with("issue-")) return std::nullopt;
  id.remove_prefix(6);
  const size_t dash = id.find("-p");
  if (dash == std::string_view::npos) return std::nullopt;
  std::optional<int> issue = ParseNumber(id.substr(0, dash));
  std::optional<int> page = ParseNumber(id.substr(dash + 2));
  if (!issue || !page) return std::nullopt;
  return std::make_pair(*issue, *page);
}

void TakeRecord(const Article& record, IssueSummary& summary) {
  summary.number = record.issue;
  summary.id = record.id;
  summary.title = record.title;
  summary.date = record.date;
  summary.url = record.url;
}

// The docids of indexed print pages, counted per issue. Page ids share the issue records'
// "issue-" id prefix, so one walk over those id terms finds them all.
std::unordered_set<Xapian::docid> CountPages(const Xapian::Database& db,
                                             std::map<int, IssueSummary>& issues) {
  std::unordered_set<Xapian::docid> pages;
  const std::string prefix = std::string(schema::kIdPrefix) + "issue-";
  for (auto term = db.allterms_begin(prefix); term != db.allterms_end(prefix); ++term) {
    const auto parsed = ParsePageId(std::string_view(*term).substr(schema::kIdPrefix.size()));
    if (!parsed) continue;
    pages.insert(*db.postlist_begin(*term));
    issues[parsed->first].number = parsed->first;
    ++issues[parsed->first].pages;
  }
  return pages;
}

void CountArticles(const SearchContext& context, const std::unordered_set<Xapian::docid>& pages,
                   std::map<int, IssueSummary>& issues) {
  const FacetTable& table = context.snapshot.facets();
  const std::string kind = std::string(schema::kKindPrefix) + "article";
  for (auto p = context.db.postlist_begin(kind); p != context.db.postlist_end(kind); ++p) {
    if (pages.count(*p)) continue;
    for (uint32_t value : table.ValuesOf(*p, Facet::kIssue)) {
      const std::optional<int> number = ParseNumber(table.Name(Facet::kIssue, value));
      if (!number) continue;
      IssueSummary& summary = issues[*number];
      summary.number = *number;
      ++summary.articles;
      if (!summary.id.empty()) continue;  // the issue record dates the issue
      const std::string date =
          DisplayDate(context.db.get_document(*p).get_value(schema::kDateSlot));
      if (!date.empty() && (summary.date.empty() || date < summary.date)) summary.date = date;
    }
  }
}

// Each article's page: the first indexed page whose text carries its headline.
void LocatePages(const Analyzer& analyzer, const std::vector<std::string>& page_texts,
                 const std::vector<IssuePage>& pages, std::vector<IssueEntry>& entries) {
  for (IssueEntry& entry : entries) {
    const std::string headline = analyzer.Fold(entry.title);
    if (headline.empty()) continue;
    for (size_t i = 0; i < pages.size() && entry.page == 0; ++i) {
      if (page_texts[i].find(headline) != std::string::npos) entry.page = pages[i].page;
    }
  }
  std::sort(entries.begin(), entries.end(), [](const IssueEntry& a, const IssueEntry& b) {
    const int page_a = a.page > 0 ? a.page : INT_MAX;
    const int page_b = b.page > 0 ? b.page : INT_MAX;
    return page_a != page_b ? page_a < page_b : a.id < b.id;
  });
}

IssueEntry EntryOf(Article article) {
  return {std::move(article.id),  std::move(article.title),   std::move(article.date),
          std::move(article.url), std::move(article.authors), std::move(article.topics)};
}

}  // namespace

StatusOr<ArticleRecord> Searcher::Fetch(const std::string& id) const {
  ArticleRecord record;
  ARCHIVE_RETURN_IF_ERROR(WithContext([&](SearchContext& context) -> Status {
    const std::string term = std::string(schema::kIdPrefix) + id;
    Xapian::PostingIterator posting = context.db.postlist_begin(term);
    if (id.empty() || posting == context.db.postlist_end(term))
      return Status::NotFound("no article with id \"" + id + "\"");
    ARCHIVE_ASSIGN_OR_RETURN(record.article,
                             LoadStored(context, context.db.get_document(*posting)));
    record.state = StateOf(context);
    return Status::Ok();
  }));
  return record;
}

StatusOr<IssueList> Searcher::Issues() const {
  IssueList list;
  ARCHIVE_RETURN_IF_ERROR(WithContext([&](SearchContext& context) -> Status {
    std::map<int, IssueSummary> issues;
    const std::string kind = std::string(schema::kKindPrefix) + "issue";
    for (auto p = context.db.postlist_begin(kind); p != context.db.postlist_end(kind); ++p) {
      ARCHIVE_ASSIGN_OR_RETURN(Article record, LoadStored(context, context.db.get_document(*p)));
      if (record.issue > 0) TakeRecord(record, issues[record.issue]);
    }
    CountArticles(context, CountPages(context.db, issues), issues);
    list.issues.clear();
    for (auto& [number, summary] : issues) list.issues.push_back(std::move(summary));
    list.state = StateOf(context);
    return Status::Ok();
  }));
  return list;
}

StatusOr<IssueContents> Searcher::Issue(int number) const {
  IssueContents contents;
  ARCHIVE_RETURN_IF_ERROR(WithContext([&](SearchContext& context) -> Status {
    contents = IssueContents();
    contents.summary.number = number;
    std::vector<std::pair<IssuePage, std::string>> pages;
    const std::string term = std::string(schema::kIssuePrefix) + std::to_string(number);
    for (auto p = context.db.postlist_begin(term); p != context.db.postlist_end(term); ++p) {
      ARCHIVE_ASSIGN_OR_RETURN(Article article, LoadStored(context, context.db.get_document(*p)));
      const auto page = ParsePageId(article.id);
      if (article.kind == "issue") {
        TakeRecord(article, contents.summary);
      } else if (page) {
        pages.push_back({{page->second, article.id, article.title}, article.body});
      } else {
        contents.articles.push_back(EntryOf(std::move(article)));
      }
    }
    if (contents.summary.id.empty() && contents.articles.empty() && pages.empty())
      return Status::NotFound("no issue " + std::to_string(number) + " in the archive");
    std::sort(pages.begin(), pages.end(),
              [](const auto& a, const auto& b) { return a.first.page < b.first.page; });
    std::vector<std::string> texts;
    for (auto& [page, text] : pages) {
      contents.pages.push_back(page);
      texts.push_back(context.analyzer.Fold(text));
    }
    LocatePages(context.analyzer, texts, contents.pages, contents.articles);
    contents.summary.articles = contents.articles.size();
    contents.summary.pages = contents.pages.size();
    if (contents.summary.date.empty() && !contents.articles.empty())
      contents.summary.date =
          std::min_element(contents.articles.begin(), contents.articles.end(),
                           [](const auto& a, const auto& b) { return a.date < b.date; })
              ->date;
    contents.state = StateOf(context);
    return Status::Ok();
  }));
  return contents;
}

}  // namespace archive::query
