#include "server/json_codec.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <nlohmann/json.hpp>

#include "output/json_writer.h"
#include "output/result_json.h"

namespace archive::server {
namespace {

size_t CountWords(std::string_view text) {
  size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

using nlohmann::json;

std::string Dump(const json& value) {
  // Stored text could in theory hold bytes that are not UTF-8: never throw on them.
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

StatusOr<uint32_t> ParseCount(const std::string& name, const std::string& text, uint32_t min,
                              uint32_t max) {
  uint32_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < min || value > max)
    return Status::InvalidArgument(name + ": must be an integer from " + std::to_string(min) +
                                   " to " + std::to_string(max));
  return value;
}

bool AllDigits(std::string_view text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

bool InRange(std::string_view digits, int min, int max) {
  const int value = (digits[0] - '0') * 10 + (digits[1] - '0');
  return value >= min && value <= max;
}

// Accepts YYYY, YYYY-MM or YYYY-MM-DD; a partial date stands for its first day (`from`)
// or its last (`to`).
StatusOr<std::string> ParseDateBound(const std::string& name, const std::string& text, bool upper) {
  const std::string_view view = text;
  const bool year = view.size() >= 4 && AllDigits(view.substr(0, 4));
  const bool month = view.size() >= 7 && view[4] == '-' && AllDigits(view.substr(5, 2)) &&
                     InRange(view.substr(5, 2), 1, 12);
  const bool day = view.size() == 10 && view[7] == '-' && AllDigits(view.substr(8, 2)) &&
                   InRange(view.substr(8, 2), 1, 31);
  const bool ok = (view.size() == 4 && year) || (view.size() == 7 && year && month) ||
                  (view.size() == 10 && year && month && day);
  if (!ok) return Status::InvalidArgument(name + ": must be YYYY, YYYY-MM or YYYY-MM-DD");
  if (text.size() == 4) return text + (upper ? "-12-31" : "-01-01");
  if (text.size() == 7) return text + (upper ? "-31" : "-01");  // "-31" sorts after any day
  return text;
}

Status CheckFilterValues(const std::string& name, const std::vector<std::string>& values) {
  if (values.size() > kMaxFilterValues)
    return Status::InvalidArgument(name + ": at most " + std::to_string(kMaxFilterValues) +
                                   " values");
  for (const std::string& value : values) {
    if (value.size() > kMaxFilterValueBytes)
      return Status::InvalidArgument(name + ": values are at most " +
                                     std::to_string(kMaxFilterValueBytes) + " bytes");
  }
  return Status::Ok();
}

std::string_view Trim(std::string_view text) {
  const size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  return text.substr(begin, text.find_last_not_of(" \t") - begin + 1);
}

// `facets=topic,city`: which facet counts to return; an empty list returns none.
Status AddFacetNames(const std::string& list, query::SearchRequest& request) {
  std::string_view rest = list;
  while (!rest.empty()) {
    const size_t comma = rest.find(',');
    const std::string name(Trim(rest.substr(0, comma)));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    if (name.empty()) continue;
    const auto& known = query::AllFacetNames();
    if (std::find(known.begin(), known.end(), name) == known.end())
      return Status::InvalidArgument("facets: unknown facet \"" + name.substr(0, 40) +
                                     "\" (known: topic, city, year, author, issue)");
    if (std::find(request.facet_names.begin(), request.facet_names.end(), name) ==
        request.facet_names.end())
      request.facet_names.push_back(name);
  }
  request.want_facets = !request.facet_names.empty();
  return Status::Ok();
}

// A highlight marker goes into the HTML of snippets unescaped, so it is either plain text
// without markup characters or one simple tag: <mark>, </mark>, <b class="hit">, ... Any
// other markup would let a crafted link put script into a page that shows snippets.
bool IsSafeMarker(std::string_view value) {
  if (value.find_first_of("<>&\"'") == std::string_view::npos) return true;
  if (value.size() < 3 || value.front() != '<' || value.back() != '>') return false;
  value = value.substr(1, value.size() - 2);
  const bool closing = value.starts_with("/");
  if (closing) value.remove_prefix(1);
  const std::string_view tag = value.substr(0, value.find(' '));
  static constexpr std::string_view kTags[] = {"mark", "b", "strong", "em", "i", "u", "span"};
  if (std::find(std::begin(kTags), std::end(kTags), tag) == std::end(kTags)) return false;
  std::string_view rest = value.substr(tag.size());
  if (rest.empty()) return true;
  if (closing || !rest.starts_with(" class=\"") || !rest.ends_with("\"") || rest.size() < 9)
    return false;
  rest = rest.substr(8, rest.size() - 9);
  return std::all_of(rest.begin(), rest.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == ' ' || c == '-' || c == '_';
  });
}

StatusOr<std::string> ParseHighlight(const std::string& name, const std::string& value) {
  if (value.size() > kMaxHighlightBytes)
    return Status::InvalidArgument(name + ": at most " + std::to_string(kMaxHighlightBytes) +
                                   " bytes");
  if (!IsSafeMarker(value))
    return Status::InvalidArgument(name +
                                   ": text without < > & \" ', or one tag such as <mark> or "
                                   "<span class=\"hit\">");
  return value;
}

StatusOr<bool> ParseFlag(const std::string& name, const std::string& value) {
  if (value == "1" || value == "true") return true;
  if (value == "0" || value == "false") return false;
  return Status::InvalidArgument(name + ": must be 1, 0, true or false");
}

StatusOr<query::SortOrder> ParseSort(const std::string& value) {
  if (value == "relevance") return query::SortOrder::kRelevance;
  if (value == "newest") return query::SortOrder::kNewest;
  if (value == "oldest") return query::SortOrder::kOldest;
  return Status::InvalidArgument("sort: must be relevance, newest or oldest");
}

Status CheckLanguage(const std::string& value) {
  const bool ok = value.size() == 2 && std::isalpha(static_cast<unsigned char>(value[0])) &&
                  std::isalpha(static_cast<unsigned char>(value[1]));
  return ok ? Status::Ok() : Status::InvalidArgument("lang: must be an ISO 639-1 code such as es");
}

// "87" or "80..90" (either end may be left open: "..90", "80..").
Status ParseIssueRange(const std::string& value, query::SearchRequest& request) {
  constexpr uint32_t kMaxIssue = 1000000;
  const size_t dots = value.find("..");
  const std::string first = value.substr(0, dots);
  const std::string last = dots == std::string::npos ? first : value.substr(dots + 2);
  const std::string error = "issue: must be N or A..B with issue numbers from 1 to 1000000";
  if (first.empty() && last.empty()) return Status::InvalidArgument(error);
  uint32_t from = 0;
  uint32_t to = 0;
  if (!first.empty()) {
    auto parsed = ParseCount("issue", first, 1, kMaxIssue);
    if (!parsed.ok()) return Status::InvalidArgument(error);
    from = *parsed;
  }
  if (!last.empty()) {
    auto parsed = ParseCount("issue", last, 1, kMaxIssue);
    if (!parsed.ok()) return Status::InvalidArgument(error);
    to = *parsed;
  }
  if (from != 0 && to != 0 && from > to) return Status::InvalidArgument("issue: A..B with A > B");
  request.issue_from = from;
  request.issue_to = to;
  return Status::Ok();
}

// Decoding state that spans several parameters.
struct ParamDecoder {
  SearchCall call;
  uint32_t page = 1;
  uint32_t per_page = 10;
  bool facets_given = false;

  Status Apply(const std::string& key, const std::string& value) {
    query::SearchRequest& request = call.request;
    if (key == "q") {
      if (value.size() > kMaxQueryBytes)
        return Status::InvalidArgument("q: at most " + std::to_string(kMaxQueryBytes) + " bytes");
      if (CountWords(value) > kMaxQueryWords)
        return Status::InvalidArgument("q: at most " + std::to_string(kMaxQueryWords) + " words");
      request.query = value;
    } else if (key == "topic") {
      request.topics.push_back(value);
    } else if (key == "city") {
      request.cities.push_back(value);
    } else if (key == "author") {
      request.authors.push_back(value);
    } else if (key == "lang") {
      ARCHIVE_RETURN_IF_ERROR(CheckLanguage(value));
      request.langs.push_back(value);
    } else if (key == "issue") {
      ARCHIVE_RETURN_IF_ERROR(ParseIssueRange(value, request));
    } else if (key == "from") {
      ARCHIVE_ASSIGN_OR_RETURN(request.from_date, ParseDateBound(key, value, false));
    } else if (key == "to") {
      ARCHIVE_ASSIGN_OR_RETURN(request.to_date, ParseDateBound(key, value, true));
    } else if (key == "page") {
      ARCHIVE_ASSIGN_OR_RETURN(page, ParseCount(key, value, 1, kMaxResultDepth));
    } else if (key == "per_page") {
      ARCHIVE_ASSIGN_OR_RETURN(per_page, ParseCount(key, value, 1, kMaxPerPage));
    } else if (key == "sort") {
      ARCHIVE_ASSIGN_OR_RETURN(request.sort, ParseSort(value));
    } else {
      return ApplyPresentation(key, value);
    }
    return Status::Ok();
  }

  // Parameters that shape the answer rather than select articles.
  Status ApplyPresentation(const std::string& key, const std::string& value) {
    query::SearchRequest& request = call.request;
    if (key == "facets") {
      if (!facets_given) request.facet_names.clear();
      facets_given = true;
      return AddFacetNames(value, request);
    } else if (key == "highlight_pre") {
      ARCHIVE_ASSIGN_OR_RETURN(request.highlight_pre, ParseHighlight(key, value));
    } else if (key == "highlight_post") {
      ARCHIVE_ASSIGN_OR_RETURN(request.highlight_post, ParseHighlight(key, value));
    } else if (key == "strict") {
      ARCHIVE_ASSIGN_OR_RETURN(request.strict, ParseFlag(key, value));
    } else if (key == "format") {
      if (value != "full" && value != "ids")
        return Status::InvalidArgument("format: must be full or ids");
      call.ids_only = value == "ids";
    }
    return Status::Ok();
  }

  StatusOr<SearchCall> Finish() {
    query::SearchRequest& request = call.request;
    ARCHIVE_RETURN_IF_ERROR(CheckFilterValues("topic", request.topics));
    ARCHIVE_RETURN_IF_ERROR(CheckFilterValues("city", request.cities));
    ARCHIVE_RETURN_IF_ERROR(CheckFilterValues("author", request.authors));
    ARCHIVE_RETURN_IF_ERROR(CheckFilterValues("lang", request.langs));
    if (!request.from_date.empty() && !request.to_date.empty() &&
        request.from_date > request.to_date)
      return Status::InvalidArgument("from: must not be after to");
    if (static_cast<uint64_t>(page) * per_page > kMaxResultDepth)
      return Status::InvalidArgument("page: page * per_page must be at most " +
                                     std::to_string(kMaxResultDepth));
    request.offset = (page - 1) * per_page;
    request.limit = per_page;
    if (call.ids_only) {  // nothing but ids is shown: skip the costly parts
      request.want_facets = false;
      request.snippet_words = 0;
      request.ids_only = true;
    }
    return std::move(call);
  }
};

}  // namespace

StatusOr<SearchCall> DecodeSearchParams(const Params& params) {
  ParamDecoder decoder;
  for (const auto& [key, value] : params) ARCHIVE_RETURN_IF_ERROR(decoder.Apply(key, value));
  return decoder.Finish();
}

namespace {

// The API's own envelope around the shared hits and facets (output/result_json.h): unlike
// the CLI's summary it has paging and took_ms, null for no suggestion, and notices only
// when shards are missing. Members in nlohmann's sorted order, as before.
void WriteAnswerHead(const query::SearchResult& result, output::JsonWriter& out) {
  out.Key("corrected_query");
  out.StringOrNull(result.corrected_query);
  out.Key("facets");
  output::WriteFacets(result, out);
  out.Key("facets_estimated");
  out.Strings(result.estimated_facets);
  out.Key("generation");
  out.Uint(result.generation);
  out.Key("hits");
  out.BeginArray();
  for (const query::Hit& hit : result.hits) output::WriteHit(hit, output::kApiHit, out);
  out.EndArray();
}

// The members from "revision" to "total_is_exact".
void WriteAnswerTail(const query::SearchResult& result, double took_ms, output::JsonWriter& out) {
  out.Key("revision");
  out.Uint(result.revision);
  out.Key("suggestion");
  out.StringOrNull(result.suggestion);
  out.Key("took_ms");
  out.Double(took_ms);
  out.Key("total");
  out.Uint(result.total);
  out.Key("total_is_exact");
  out.Bool(result.total_is_exact);
}

}  // namespace

std::string EncodeSearchResult(const query::SearchRequest& request,
                               const query::SearchResult& result, double took_ms) {
  std::string text;
  text.reserve(4096 + 1536 * result.hits.size());
  output::JsonWriter out(text);
  out.BeginObject();
  WriteAnswerHead(result, out);
  if (result.partial) {  // some shards could not be searched (docs/shards.md)
    out.Key("notices");
    out.Strings(result.notices);
  }
  out.Key("page");
  out.Uint(request.limit == 0 ? 1 : request.offset / request.limit + 1);
  if (result.partial) {
    out.Key("partial");
    out.Bool(true);
  }
  out.Key("per_page");
  out.Uint(request.limit);
  out.Key("query");
  out.String(request.query);
  WriteAnswerTail(result, took_ms, out);
  out.EndObject();
  return text;
}

std::string EncodeSearchIds(const query::SearchResult& result) {
  json ids = json::array();
  for (const query::Hit& hit : result.hits) ids.push_back(hit.id);
  return Dump({{"ids", std::move(ids)},
               {"total", result.total},
               {"total_is_exact", result.total_is_exact},
               {"generation", result.generation},
               {"revision", result.revision}});
}

std::string EncodeError(std::string_view code, std::string_view message) {
  return Dump({{"error", {{"code", code}, {"message", message}}}});
}

}  // namespace archive::server
