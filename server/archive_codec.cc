#include "server/archive_codec.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <nlohmann/json.hpp>

#include "output/json_writer.h"
#include "output/result_json.h"

namespace archive::server {
namespace {

using nlohmann::json;

std::string Dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

json StringOrNull(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

bool IsIdCharacter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == ':' || c == '-';
}

json StateJson(json body, const query::IndexState& state) {
  body["generation"] = state.generation;
  body["revision"] = state.revision;
  return body;
}

json IssueSummaryJson(const query::IssueSummary& issue) {
  return {{"number", issue.number},
          {"id", StringOrNull(issue.id)},
          {"title", StringOrNull(issue.title)},
          {"date", StringOrNull(issue.date)},
          {"url", StringOrNull(issue.url)},
          {"articles", issue.articles},
          {"pages", issue.pages}};
}

}  // namespace

StatusOr<SuggestCall> DecodeSuggestParams(const Params& params) {
  SuggestCall call;
  for (const auto& [key, value] : params) {
    if (key == "q") {
      if (value.size() > kMaxSuggestBytes)
        return Status::InvalidArgument("q: at most " + std::to_string(kMaxSuggestBytes) + " bytes");
      call.text = value;
    } else if (key == "limit") {
      uint32_t limit = 0;
      auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), limit);
      if (error != std::errc() || end != value.data() + value.size() || limit < 1 ||
          limit > kMaxSuggestions)
        return Status::InvalidArgument("limit: must be an integer from 1 to " +
                                       std::to_string(kMaxSuggestions));
      call.limit = limit;
    }
  }
  return call;
}

Status ValidateArticleId(const std::string& id) {
  if (id.empty() || id.size() > kMaxIdBytes || !std::all_of(id.begin(), id.end(), IsIdCharacter))
    return Status::InvalidArgument("id: must be 1 to 128 characters of A-Z a-z 0-9 . _ : -");
  return Status::Ok();
}

StatusOr<int> DecodeIssueNumber(const std::string& text) {
  int number = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (error != std::errc() || end != text.data() + text.size() || number < 1 ||
      number > kMaxIssueNumber)
    return Status::InvalidArgument("number: must be an integer from 1 to " +
                                   std::to_string(kMaxIssueNumber));
  return number;
}

StatusOr<SearchCall> DecodeSimilarParams(const std::string& id, const Params& params) {
  ARCHIVE_RETURN_IF_ERROR(ValidateArticleId(id));
  Params with_facets = params;
  if (!params.count("facets")) with_facets.emplace("facets", "");
  ARCHIVE_ASSIGN_OR_RETURN(SearchCall call, DecodeSearchParams(with_facets));
  call.request.like_id = id;
  return call;
}

StatusOr<query::SearchRequest> DecodeFacetsParams(const Params& params) {
  Params facets;
  const auto given = params.equal_range("facets");
  for (auto it = given.first; it != given.second; ++it) facets.insert(*it);
  if (facets.empty()) facets.emplace("facets", "topic,city,year");
  ARCHIVE_ASSIGN_OR_RETURN(SearchCall call, DecodeSearchParams(facets));
  query::SearchRequest& request = call.request;
  request.count_only = true;
  request.facet_limit = kMaxFacetValues;
  request.facet_exact_limit = UINT64_MAX;  // whole-archive counts are quoted; never sample
  request.facet_check_limit = UINT64_MAX;
  request.snippet_words = 0;
  return std::move(request);
}

std::string EncodeSuggestions(const SuggestCall& call, const query::Suggestions& suggestions) {
  json completions = json::array();
  for (const query::Completion& c : suggestions.completions)
    completions.push_back({{"text", c.text}, {"frequency", c.frequency}});
  json headlines = json::array();
  for (const query::HeadlineMatch& h : suggestions.headlines)
    headlines.push_back({{"id", h.id}, {"title", h.title}, {"date", StringOrNull(h.date)}});
  return Dump(
      StateJson({{"query", call.text}, {"completions", completions}, {"headlines", headlines}},
                suggestions.state));
}

std::string EncodeArticle(const query::ArticleRecord& record) {
  const Article& a = record.article;
  return Dump(StateJson({{"id", a.id},
                         {"kind", a.kind},
                         {"title", a.title},
                         {"body", a.body},
                         {"url", StringOrNull(a.url)},
                         {"date", StringOrNull(a.date)},
                         {"issue", a.issue > 0 ? json(a.issue) : json(nullptr)},
                         {"authors", a.authors},
                         {"topics", a.topics},
                         {"cities", a.cities},
                         {"summary", StringOrNull(a.summary)},
                         {"lang", StringOrNull(a.lang)},
                         {"topics_derived", a.topics_derived},
                         {"cities_derived", a.cities_derived}},
                        record.state));
}

std::string EncodeIssues(const query::IssueList& list) {
  json issues = json::array();
  for (const query::IssueSummary& issue : list.issues) issues.push_back(IssueSummaryJson(issue));
  return Dump(StateJson({{"issues", issues}, {"total", list.issues.size()}}, list.state));
}

std::string EncodeIssue(const query::IssueContents& contents) {
  json body = IssueSummaryJson(contents.summary);
  json articles = json::array();
  for (const query::IssueEntry& e : contents.articles) {
    articles.push_back({{"id", e.id},
                        {"title", e.title},
                        {"date", StringOrNull(e.date)},
                        {"url", StringOrNull(e.url)},
                        {"authors", e.authors},
                        {"topics", e.topics},
                        {"page", e.page > 0 ? json(e.page) : json(nullptr)}});
  }
  json pages = json::array();
  for (const query::IssuePage& p : contents.pages)
    pages.push_back({{"page", p.page}, {"id", p.id}, {"title", p.title}});
  body["contents"] = std::move(articles);
  body["page_records"] = std::move(pages);
  return Dump(StateJson(std::move(body), contents.state));
}

// Written directly, as the facets of /api/search are (output/result_json.h).
std::string EncodeFacets(const query::SearchResult& result) {
  std::string text;
  output::JsonWriter out(text);
  out.BeginObject();
  out.Key("articles");
  out.Uint(result.total);
  out.Key("facets");
  output::WriteFacets(result, out);
  out.Key("generation");
  out.Uint(result.generation);
  out.Key("revision");
  out.Uint(result.revision);
  out.EndObject();
  return text;
}

}  // namespace archive::server
