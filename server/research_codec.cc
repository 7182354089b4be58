#include "server/research_codec.h"

#include <charconv>
#include <nlohmann/json.hpp>

namespace archive::server {
namespace {

using nlohmann::json;

// The keys that select articles, shared with /api/search and decoded by its codec.
bool IsSelectionKey(const std::string& key) {
  return key == "q" || key == "topic" || key == "city" || key == "from" || key == "to" ||
         key == "strict" || key == "sort";
}

StatusOr<query::SearchRequest> DecodeSelection(const Params& params) {
  Params selection;
  for (const auto& entry : params) {
    if (IsSelectionKey(entry.first)) selection.insert(entry);
  }
  ARCHIVE_ASSIGN_OR_RETURN(SearchCall call, DecodeSearchParams(selection));
  call.request.want_facets = false;
  return std::move(call.request);
}

StatusOr<uint32_t> ParseCount(const std::string& name, const std::string& text, uint32_t max) {
  uint32_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 1 || value > max)
    return Status::InvalidArgument(name + ": must be an integer from 1 to " + std::to_string(max));
  return value;
}

Status UnknownValue(const std::string& name, const char* allowed) {
  return Status::InvalidArgument(name + ": must be " + allowed);
}

}  // namespace

StatusOr<HistogramCall> DecodeHistogramParams(const Params& params) {
  HistogramCall call;
  ARCHIVE_ASSIGN_OR_RETURN(call.request, DecodeSelection(params));
  for (const auto& [key, value] : params) {
    if (key == "by") {
      if (value != "year" && value != "month") return UnknownValue(key, "year or month");
      call.histogram.granularity =
          value == "year" ? query::Granularity::kYear : query::Granularity::kMonth;
    } else if (key == "split") {
      if (value != "topic" && value != "city") return UnknownValue(key, "topic or city");
      call.histogram.split_by = value;
    }
  }
  return call;
}

StatusOr<KwicCall> DecodeKwicParams(const Params& params) {
  KwicCall call;
  ARCHIVE_ASSIGN_OR_RETURN(call.request, DecodeSelection(params));
  if (call.request.query.find_first_not_of(" \t") == std::string::npos)
    return Status::InvalidArgument("q: required (the words to show in context)");
  call.kwic.max_lines = kDefaultKwicLines;
  for (const auto& [key, value] : params) {
    if (key == "width") {
      ARCHIVE_ASSIGN_OR_RETURN(call.kwic.context_words, ParseCount(key, value, kMaxKwicWidth));
    } else if (key == "limit") {
      ARCHIVE_ASSIGN_OR_RETURN(call.kwic.max_lines, ParseCount(key, value, kMaxKwicLines));
    } else if (key == "order") {
      if (value == "document")
        call.kwic.sort = query::KwicSort::kDocument;
      else if (value == "left")
        call.kwic.sort = query::KwicSort::kLeft;
      else if (value == "right")
        call.kwic.sort = query::KwicSort::kRight;
      else
        return UnknownValue(key, "document, left or right");
    }
  }
  return call;
}

StatusOr<ExportCall> DecodeExportParams(const Params& params) {
  ExportCall call;
  ARCHIVE_ASSIGN_OR_RETURN(call.request, DecodeSelection(params));
  call.request.snippet_words = 0;  // an export carries metadata, not passages
  for (const auto& [key, value] : params) {
    if (key == "format") {
      if (value == "jsonl")
        call.format = output::Format::kJsonl;
      else if (value == "csv")
        call.format = output::Format::kCsv;
      else if (value == "bibtex")
        call.format = output::Format::kBibtex;
      else if (value == "ris")
        call.format = output::Format::kRis;
      else
        return UnknownValue(key, "jsonl, csv, bibtex or ris");
    } else if (key == "limit") {
      ARCHIVE_ASSIGN_OR_RETURN(call.max_rows, ParseCount(key, value, kMaxExportRows));
    }
  }
  return call;
}

const char* ExportContentType(output::Format format) {
  switch (format) {
    case output::Format::kCsv:
      return "text/csv; charset=utf-8";
    case output::Format::kBibtex:
      return "application/x-bibtex; charset=utf-8";
    case output::Format::kRis:
      return "application/x-research-info-systems; charset=utf-8";
    default:
      return "application/x-ndjson";
  }
}

const char* ExportExtension(output::Format format) {
  switch (format) {
    case output::Format::kCsv:
      return "csv";
    case output::Format::kBibtex:
      return "bib";
    case output::Format::kRis:
      return "ris";
    default:
      return "jsonl";
  }
}

std::string EncodeHistogram(const HistogramCall& call,
                            const std::vector<query::HistogramBucket>& buckets) {
  json list = json::array();
  for (const query::HistogramBucket& b : buckets) {
    list.push_back({{"period", b.period},
                    {"group", b.group.empty() ? json(nullptr) : json(b.group)},
                    {"documents", b.documents},
                    {"occurrences", b.occurrences},
                    {"words", b.words},
                    {"per_10k_words", b.per_10k_words}});
  }
  const bool by_year = call.histogram.granularity == query::Granularity::kYear;
  json body = {
      {"query", call.request.query},
      {"by", by_year ? "year" : "month"},
      {"split", call.histogram.split_by.empty() ? json(nullptr) : json(call.histogram.split_by)},
      {"buckets", std::move(list)}};
  return body.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string EncodeKwic(const KwicCall& call, const std::vector<query::KwicLine>& lines) {
  json list = json::array();
  for (const query::KwicLine& line : lines) {
    list.push_back({{"id", line.id},
                    {"date", line.date.empty() ? json(nullptr) : json(line.date)},
                    {"left", line.left},
                    {"keyword", line.keyword},
                    {"right", line.right}});
  }
  json body = {{"query", call.request.query},
               {"width", call.kwic.context_words},
               {"lines", std::move(list)},
               {"truncated", lines.size() >= call.kwic.max_lines}};
  return body.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace archive::server
