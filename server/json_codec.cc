#include "server/json_codec.h"

#include <charconv>
#include <nlohmann/json.hpp>

namespace archive::server {
namespace {

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

// Accepts YYYY, YYYY-MM or YYYY-MM-DD; a partial date stands for its first day (`from`)
// or its last (`to`).
StatusOr<std::string> ParseDateBound(const std::string& name, const std::string& text, bool upper) {
  const bool ok = (text.size() == 4 && AllDigits(text)) ||
                  (text.size() == 7 && AllDigits(text.substr(0, 4)) && text[4] == '-' &&
                   AllDigits(text.substr(5, 2))) ||
                  (text.size() == 10 && AllDigits(text.substr(0, 4)) && text[4] == '-' &&
                   AllDigits(text.substr(5, 2)) && text[7] == '-' && AllDigits(text.substr(8, 2)));
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
    if (value.size() > 200) return Status::InvalidArgument(name + ": value too long");
  }
  return Status::Ok();
}

json FacetsJson(const query::SearchResult& result) {
  json facets = json::object();
  for (const auto& [name, counts] : result.facets) {
    json list = json::array();
    for (const query::FacetCount& count : counts)
      list.push_back({{"value", count.value}, {"count", count.count}});
    facets[name] = std::move(list);
  }
  return facets;
}

}  // namespace

StatusOr<query::SearchRequest> DecodeSearchParams(const Params& params) {
  query::SearchRequest request;
  uint32_t page = 1;
  uint32_t per_page = 10;
  for (const auto& [key, value] : params) {
    if (key == "q") {
      if (value.size() > kMaxQueryBytes)
        return Status::InvalidArgument("q: at most " + std::to_string(kMaxQueryBytes) + " bytes");
      request.query = value;
    } else if (key == "topic") {
      request.topics.push_back(value);
    } else if (key == "city") {
      request.cities.push_back(value);
    } else if (key == "from") {
      ARCHIVE_ASSIGN_OR_RETURN(request.from_date, ParseDateBound(key, value, false));
    } else if (key == "to") {
      ARCHIVE_ASSIGN_OR_RETURN(request.to_date, ParseDateBound(key, value, true));
    } else if (key == "page") {
      ARCHIVE_ASSIGN_OR_RETURN(page, ParseCount(key, value, 1, kMaxResultDepth));
    } else if (key == "per_page") {
      ARCHIVE_ASSIGN_OR_RETURN(per_page, ParseCount(key, value, 1, kMaxPerPage));
    } else if (key == "sort") {
      if (value == "relevance")
        request.sort = query::SortOrder::kRelevance;
      else if (value == "newest")
        request.sort = query::SortOrder::kNewest;
      else if (value == "oldest")
        request.sort = query::SortOrder::kOldest;
      else
        return Status::InvalidArgument("sort: must be relevance, newest or oldest");
    }
    // Unknown parameters are ignored, as browsers and caches add their own.
  }
  ARCHIVE_RETURN_IF_ERROR(CheckFilterValues("topic", request.topics));
  ARCHIVE_RETURN_IF_ERROR(CheckFilterValues("city", request.cities));
  if (static_cast<uint64_t>(page) * per_page > kMaxResultDepth)
    return Status::InvalidArgument("page: page * per_page must be at most " +
                                   std::to_string(kMaxResultDepth));
  request.offset = (page - 1) * per_page;
  request.limit = per_page;
  return request;
}

std::string EncodeSearchResult(const query::SearchRequest& request,
                               const query::SearchResult& result, double took_ms) {
  json hits = json::array();
  for (const query::Hit& hit : result.hits) {
    hits.push_back({{"id", hit.id},
                    {"title", hit.title},
                    {"title_highlighted", hit.title_highlighted},
                    {"url", hit.url},
                    {"date", hit.date},
                    {"issue", hit.issue > 0 ? json(hit.issue) : json(nullptr)},
                    {"authors", hit.authors},
                    {"topics", hit.topics},
                    {"cities", hit.cities},
                    {"score", hit.score},
                    {"snippet", hit.snippet}});
  }
  json body = {{"query", request.query},
               {"hits", std::move(hits)},
               {"total", result.total},
               {"total_is_exact", result.total_is_exact},
               {"page", request.limit == 0 ? 1 : request.offset / request.limit + 1},
               {"per_page", request.limit},
               {"facets", FacetsJson(result)},
               {"took_ms", took_ms},
               {"generation", result.generation},
               {"revision", result.revision}};
  return Dump(body);
}

std::string EncodeError(std::string_view code, std::string_view message) {
  return Dump({{"error", {{"code", code}, {"message", message}}}});
}

}  // namespace archive::server
