// Histogram and keyword-in-context output.
#include <fmt/core.h>

#include <nlohmann/json.hpp>

#include "output/result_writers.h"

namespace archive::output {
namespace {

using nlohmann::json;

std::string Dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);  // never throws
}

json BucketJson(const query::HistogramBucket& b) {
  return {{"period", b.period},           {"group", b.group}, {"documents", b.documents},
          {"occurrences", b.occurrences}, {"words", b.words}, {"per_10k_words", b.per_10k_words}};
}

json KwicJson(const query::KwicLine& line) {
  return {{"id", line.id},
          {"date", line.date},
          {"left", line.left},
          {"keyword", line.keyword},
          {"right", line.right}};
}

std::string Csv(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

// The last `width` bytes of `text`, not starting inside a UTF-8 sequence.
std::string TailOf(const std::string& text, size_t width) {
  if (text.size() <= width) return text;
  size_t start = text.size() - width;
  while (start < text.size() && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) ++start;
  return text.substr(start);
}

std::string HeadOf(const std::string& text, size_t width) {
  if (text.size() <= width) return text;
  size_t end = width;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

}  // namespace

void WriteHistogram(const std::vector<query::HistogramBucket>& buckets, Format format,
                    std::ostream& out) {
  if (format == Format::kJson) {
    json list = json::array();
    for (const auto& b : buckets) list.push_back(BucketJson(b));
    out << Dump({{"histogram", list}}) << "\n";
    return;
  }
  if (format == Format::kJsonl) {
    for (const auto& b : buckets) out << Dump(BucketJson(b)) << "\n";
    return;
  }
  if (format == Format::kCsv) {
    out << "period,group,documents,occurrences,words,per_10k_words\r\n";
    for (const auto& b : buckets) {
      out << fmt::format("{},{},{},{},{},{:.4f}\r\n", b.period, Csv(b.group), b.documents,
                         b.occurrences, b.words, b.per_10k_words);
    }
    return;
  }
  out << fmt::format("{:<8} {:<24} {:>9} {:>11} {:>10} {:>9}\n", "period", "group", "documents",
                     "occurrences", "words", "per 10k");
  for (const auto& b : buckets) {
    out << fmt::format("{:<8} {:<24} {:>9} {:>11} {:>10} {:>9.2f}\n", b.period, b.group,
                       b.documents, b.occurrences, b.words, b.per_10k_words);
  }
}

void WriteKwic(const std::vector<query::KwicLine>& lines, Format format, std::ostream& out,
               size_t context_width) {
  if (format == Format::kJson || format == Format::kJsonl) {
    json list = json::array();
    for (const auto& line : lines) {
      if (format == Format::kJsonl) {
        out << Dump(KwicJson(line)) << "\n";
      } else {
        list.push_back(KwicJson(line));
      }
    }
    if (format == Format::kJson) out << Dump({{"kwic", list}}) << "\n";
    return;
  }
  if (format == Format::kCsv) {
    out << "id,date,left,keyword,right\r\n";
    for (const auto& l : lines) {
      out << fmt::format("{},{},{},{},{}\r\n", Csv(l.id), l.date, Csv(l.left), Csv(l.keyword),
                         Csv(l.right));
    }
    return;
  }
  for (const auto& l : lines) {
    out << fmt::format("{:<22} {:<10} {:>{}}  [{}]  {}\n", l.id, l.date,
                       TailOf(l.left, context_width), context_width, l.keyword,
                       HeadOf(l.right, context_width));
  }
}

}  // namespace archive::output
