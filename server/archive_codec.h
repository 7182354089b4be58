// Parameters and JSON answers of the browsing routes (archive_routes.h): suggestions,
// one article, articles like it, the issues, an issue's contents, whole-archive facets.
// As in json_codec.h, everything a client sends is validated here.
#pragma once

#include <string>

#include "core/status_or.h"
#include "query/search_types.h"
#include "server/json_codec.h"

namespace archive::server {

inline constexpr size_t kMaxSuggestBytes = 200;
inline constexpr uint32_t kDefaultSuggestions = 8;
inline constexpr uint32_t kMaxSuggestions = 20;
inline constexpr size_t kMaxIdBytes = 128;
inline constexpr int kMaxIssueNumber = 1'000'000;
inline constexpr uint32_t kMaxFacetValues = 10'000;  // per facet, /api/facets

struct SuggestCall {
  std::string text;
  uint32_t limit = kDefaultSuggestions;
};

// q (at most kMaxSuggestBytes) and limit (1 to kMaxSuggestions).
StatusOr<SuggestCall> DecodeSuggestParams(const Params& params);

// kInvalidArgument unless `id` is 1-128 characters of [A-Za-z0-9._:-] (core/article.h).
Status ValidateArticleId(const std::string& id);

// A positive issue number of at most kMaxIssueNumber, in plain digits.
StatusOr<int> DecodeIssueNumber(const std::string& text);

// The /api/search parameters (filters, paging, format), ranked by likeness to `id`.
// Facets are counted only when asked for.
StatusOr<SearchCall> DecodeSimilarParams(const std::string& id, const Params& params);

// facets (default topic,city,year) over every article, exactly.
StatusOr<query::SearchRequest> DecodeFacetsParams(const Params& params);

std::string EncodeSuggestions(const SuggestCall& call, const query::Suggestions& suggestions);
std::string EncodeArticle(const query::ArticleRecord& record);
std::string EncodeIssues(const query::IssueList& list);
std::string EncodeIssue(const query::IssueContents& contents);
std::string EncodeFacets(const query::SearchResult& result);

}  // namespace archive::server
