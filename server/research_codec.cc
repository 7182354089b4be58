#include "server/research_codec.h"

#include <charconv>

#include "output/json_writer.h"
#include "output/result_json.h"

namespace archive::server {
namespace {

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

// Written directly, the buckets and lines as the CLI's (output/result_json.h) but with null
// for an empty group or date; members in the sorted order of the DOM encoding before.
std::string EncodeHistogram(const HistogramCall& call,
                            const std::vector<query::HistogramBucket>& buckets) {
  std::string text;
  output::JsonWriter out(text);
  out.BeginObject();
  out.Key("buckets");
  out.BeginArray();
  for (const query::HistogramBucket& b : buckets)
    output::WriteBucket(b, output::EmptyText::kNull, out);
  out.EndArray();
  out.Key("by");
  out.String(call.histogram.granularity == query::Granularity::kYear ? "year" : "month");
  out.Key("query");
  out.String(call.request.query);
  out.Key("split");
  out.StringOrNull(call.histogram.split_by);
  out.EndObject();
  return text;
}

std::string EncodeKwic(const KwicCall& call, const std::vector<query::KwicLine>& lines) {
  std::string text;
  output::JsonWriter out(text);
  out.BeginObject();
  out.Key("lines");
  out.BeginArray();
  for (const query::KwicLine& line : lines)
    output::WriteKwicLine(line, output::EmptyText::kNull, out);
  out.EndArray();
  out.Key("query");
  out.String(call.request.query);
  out.Key("truncated");
  out.Bool(lines.size() >= call.kwic.max_lines);
  out.Key("width");
  out.Uint(call.kwic.context_words);
  out.EndObject();
  return text;
}

}  // namespace archive::server
