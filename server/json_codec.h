// Translation between HTTP query parameters / JSON bodies and the query library's plain
// structs. All validation of what a client sends happens here, before anything reaches
// the engine.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "core/status_or.h"
#include "query/search_types.h"

namespace archive::server {

// Query parameters as cpp-httplib delivers them (a key may repeat).
using Params = std::multimap<std::string, std::string>;

inline constexpr size_t kMaxQueryBytes = 1024;
inline constexpr size_t kMaxQueryWords = 64;  // each word is a term (or a wildcard's expansion)
inline constexpr uint32_t kMaxPerPage = 100;
inline constexpr uint32_t kMaxResultDepth = 10000;  // page * per_page
inline constexpr size_t kMaxFilterValues = 50;
inline constexpr size_t kMaxFilterValueBytes = 200;
inline constexpr size_t kMaxHighlightBytes = 64;

// A decoded /api/search call: what to search for and how to answer.
struct SearchCall {
  query::SearchRequest request;
  bool ids_only = false;  // format=ids: ordered ids and the total, nothing else
};

// Reads q, topic, city, from, to, sort, page, per_page, facets, highlight_pre,
// highlight_post, strict and format; other keys are ignored (browsers and caches add
// their own). kInvalidArgument naming the parameter for anything out of range or
// malformed.
StatusOr<SearchCall> DecodeSearchParams(const Params& params);

// Turns a POST body into the parameters a query string would carry, so that both
// methods share one validation. kInvalidArgument either way; `*malformed` tells a body
// that is not a JSON object (invalid_json) from a field of the wrong type or an unknown
// field (invalid_parameter).
StatusOr<Params> ParseSearchBody(std::string_view body, bool* malformed);

// {query, hits, total, total_is_exact, page, per_page, facets, facets_estimated,
//  suggestion, corrected_query, took_ms, generation, revision}
std::string EncodeSearchResult(const query::SearchRequest& request,
                               const query::SearchResult& result, double took_ms);

// {ids, total, total_is_exact, generation, revision}: format=ids.
std::string EncodeSearchIds(const query::SearchResult& result);

// {"error": {"code": ..., "message": ...}}
std::string EncodeError(std::string_view code, std::string_view message);

}  // namespace archive::server
