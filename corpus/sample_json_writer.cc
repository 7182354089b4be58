#include "corpus/sample_json_writer.h"

#include <cstdint>
#include <vector>

namespace archive::corpus {
namespace {

// True for the bytes a JSON string may not contain as they are.
constexpr bool NeedsEscape(uint8_t byte) { return byte < 0x20 || byte == '"' || byte == '\\'; }

void AppendEscaped(uint8_t byte, std::string* out) {
  switch (byte) {
    case '"':
      out->append("\\\"");
      return;
    case '\\':
      out->append("\\\\");
      return;
    case '\n':
      out->append("\\n");
      return;
    case '\r':
      out->append("\\r");
      return;
    case '\t':
      out->append("\\t");
      return;
    default:
      break;
  }
  constexpr char kHex[] = "0123456789abcdef";
  const char escape[6] = {'\\', 'u', '0', '0', kHex[byte >> 4], kHex[byte & 0xF]};
  out->append(escape, sizeof(escape));
}

void AppendKey(std::string_view key, std::string* out) {
  out->push_back(',');
  out->push_back('"');
  out->append(key);
  out->append("\":");
}

void AppendStringField(std::string_view key, std::string_view value, std::string* out) {
  if (value.empty()) return;
  AppendKey(key, out);
  AppendJsonString(value, out);
}

void AppendListField(std::string_view key, const std::vector<std::string>& values,
                     bool even_if_empty, std::string* out) {
  if (values.empty() && !even_if_empty) return;
  AppendKey(key, out);
  out->push_back('[');
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out->push_back(',');
    AppendJsonString(values[i], out);
  }
  out->push_back(']');
}

}  // namespace

void AppendJsonString(std::string_view text, std::string* out) {
  out->push_back('"');
  size_t done = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<uint8_t>(text[i]);
    if (!NeedsEscape(byte)) continue;
    out->append(text.data() + done, i - done);
    AppendEscaped(byte, out);
    done = i + 1;
  }
  out->append(text.data() + done, text.size() - done);
  out->push_back('"');
}

void AppendArticleJsonLine(const Article& article, bool include_metadata, std::string* out) {
  out->append("{\"id\":");
  AppendJsonString(article.id, out);
  AppendStringField("kind", article.kind, out);
  AppendStringField("title", article.title, out);
  AppendStringField("date", article.date, out);
  if (article.issue != 0) {
    AppendKey("issue", out);
    out->append(std::to_string(article.issue));
  }
  AppendStringField("url", article.url, out);
  AppendListField("authors", article.authors, false, out);
  if (include_metadata) {
    AppendListField("topics", article.topics, false, out);
    AppendListField("cities", article.cities, false, out);
  }
  AppendStringField("summary", article.summary, out);
  AppendStringField("lang", article.lang, out);
  AppendKey("body", out);
  AppendJsonString(article.body, out);
  out->append("}\n");
}

void AppendTruthJsonLine(const Article& article, std::string* out) {
  out->append("{\"id\":");
  AppendJsonString(article.id, out);
  AppendListField("topics", article.topics, true, out);
  AppendListField("cities", article.cities, true, out);
  out->append("}\n");
}

}  // namespace archive::corpus
