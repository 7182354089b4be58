// Parameters and JSON answers of the research routes (research_routes.h): counts over
// time, keyword in context, and the streamed export. The selection (q, topic, city, from,
// to, strict, sort) is decoded exactly as for /api/search; the rest is validated here.
#pragma once

#include <string>
#include <vector>

#include "core/status_or.h"
#include "output/result_writers.h"
#include "query/search_types.h"
#include "server/json_codec.h"

namespace archive::server {

inline constexpr uint32_t kMaxKwicWidth = 50;  // words either side
inline constexpr uint32_t kMaxKwicLines = 1000;
inline constexpr uint32_t kDefaultKwicLines = 100;
inline constexpr uint32_t kMaxExportRows = 100'000;  // per export

struct HistogramCall {
  query::SearchRequest request;
  query::HistogramRequest histogram;
};

struct KwicCall {
  query::SearchRequest request;
  query::KwicRequest kwic;
};

struct ExportCall {
  query::SearchRequest request;
  output::Format format = output::Format::kJsonl;
  uint32_t max_rows = kMaxExportRows;
};

// by (year, month), split (topic, city).
StatusOr<HistogramCall> DecodeHistogramParams(const Params& params);
// q (required), width (1-50, default 5), limit (1-1000, default 100),
// sort (document, left, right).
StatusOr<KwicCall> DecodeKwicParams(const Params& params);
// format (jsonl, csv, bibtex, ris; default jsonl), limit (1-100000, default 100000).
StatusOr<ExportCall> DecodeExportParams(const Params& params);

// The export's MIME type and file name extension.
const char* ExportContentType(output::Format format);
const char* ExportExtension(output::Format format);

std::string EncodeHistogram(const HistogramCall& call,
                            const std::vector<query::HistogramBucket>& buckets);
std::string EncodeKwic(const KwicCall& call, const std::vector<query::KwicLine>& lines);

}  // namespace archive::server
