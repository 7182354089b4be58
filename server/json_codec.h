// Translation between HTTP query parameters / JSON and the query library's plain structs.
// All validation of what a client sends happens here, before anything reaches the engine.
#pragma once

#include <map>
#include <string>

#include "core/status_or.h"
#include "query/search_types.h"

namespace archive::server {

// Query parameters as cpp-httplib delivers them (a key may repeat).
using Params = std::multimap<std::string, std::string>;

inline constexpr size_t kMaxQueryBytes = 1024;
inline constexpr uint32_t kMaxPerPage = 100;
inline constexpr uint32_t kMaxResultDepth = 10000;  // page * per_page
inline constexpr size_t kMaxFilterValues = 50;

// Reads q, topic, city, from, to, sort, page, per_page. kInvalidArgument naming the
// parameter for anything out of range or malformed.
StatusOr<query::SearchRequest> DecodeSearchParams(const Params& params);

// {query, hits, total, total_is_exact, page, per_page, facets, took_ms, generation, revision}
std::string EncodeSearchResult(const query::SearchRequest& request,
                               const query::SearchResult& result, double took_ms);

// {"error": {"code": ..., "message": ...}}
std::string EncodeError(std::string_view code, std::string_view message);

}  // namespace archive::server
