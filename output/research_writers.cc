// Histogram and keyword-in-context output.
#include <fmt/core.h>

#include "output/json_writer.h"
#include "output/result_json.h"
#include "output/result_writers.h"

namespace archive::output {
namespace {

// `items` as one {"<name>": [...]} line (json) or as one object a line (jsonl).
template <typename Item>
void WriteJsonItems(const std::vector<Item>& items, std::string_view name, Format format,
                    void (*write)(const Item&, EmptyText, JsonWriter&), std::ostream& out) {
  std::string text;
  JsonWriter json(text);
  if (format == Format::kJson) {
    json.BeginObject();
    json.Key(name);
    json.BeginArray();
    for (const Item& item : items) write(item, EmptyText::kEmptyString, json);
    json.EndArray();
    json.EndObject();
    out << text << "\n";
    return;
  }
  for (const Item& item : items) {
    text.clear();
    JsonWriter line(text);
    write(item, EmptyText::kEmptyString, line);
    out << text << "\n";
  }
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
  if (format == Format::kJson || format == Format::kJsonl)
    return WriteJsonItems(buckets, "histogram", format, WriteBucket, out);
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
  if (format == Format::kJson || format == Format::kJsonl)
    return WriteJsonItems(lines, "kwic", format, WriteKwicLine, out);
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
