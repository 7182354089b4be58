// The JSON form of a result's facet counts, {"topic": [{"value", "count"}, ...], ...}: one
// encoding for the CLI's JSON output and every server response that carries facets.
#pragma once

#include <nlohmann/json.hpp>

#include "query/search_types.h"

namespace archive::output {

nlohmann::json FacetsJson(const query::SearchResult& result);

}  // namespace archive::output
