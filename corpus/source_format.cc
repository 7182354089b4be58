#include "corpus/source_format.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>

namespace archive::corpus {
namespace {

constexpr size_t kHeadBytes = 4096;

std::string Lowercase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Skips a UTF-8 byte order mark and white space.
std::string_view FirstContent(std::string_view head) {
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  size_t start = head.find_first_not_of(" \t\r\n");
  return start == std::string_view::npos ? std::string_view() : head.substr(start);
}

SourceFormat DetectMarkup(std::string_view content) {
  std::string lower = Lowercase(content);
  if (lower.find("<rss") != std::string::npos &&
      lower.find("wordpress.org/export/") != std::string::npos)
    return SourceFormat::kWordPressWxr;
  if (lower.find("<html") != std::string::npos || lower.find("<!doctype html") == 0)
    return SourceFormat::kHtml;
  return SourceFormat::kAuto;
}

}  // namespace

std::string_view SourceFormatName(SourceFormat format) {
  switch (format) {
    case SourceFormat::kAuto:
      return "auto";
    case SourceFormat::kJsonLines:
      return "jsonl";
    case SourceFormat::kWordPressWxr:
      return "wxr";
    case SourceFormat::kWordPressRest:
      return "wp-rest";
    case SourceFormat::kHtml:
      return "html";
    case SourceFormat::kPdf:
      return "pdf";
  }
  return "auto";
}

SourceFormat DetectSourceFormat(std::string_view path, std::string_view head) {
  // The PDF header may follow a few bytes of junk; readers accept it in the first 1 KB.
  if (head.substr(0, 1024).find("%PDF-") != std::string_view::npos) return SourceFormat::kPdf;
  if (Lowercase(path).ends_with(".jsonl")) return SourceFormat::kJsonLines;
  std::string_view content = FirstContent(head);
  if (content.starts_with("[")) return SourceFormat::kWordPressRest;
  if (content.starts_with("{")) return SourceFormat::kJsonLines;
  if (content.starts_with("<")) return DetectMarkup(content);
  return SourceFormat::kAuto;
}

StatusOr<SourceFormat> DetectSourceFormatAt(const std::string& path) {
  if (path == "-") return SourceFormat::kJsonLines;
  std::error_code error;
  std::filesystem::file_status status = std::filesystem::status(path, error);
  if (error || !std::filesystem::exists(status)) return Status::NotFound(path + ": not found");
  if (std::filesystem::is_directory(status)) return SourceFormat::kHtml;
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open");
  std::string head(kHeadBytes, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  // An empty .jsonl file is a valid, empty archive.
  if (head.empty() && Lowercase(path).ends_with(".jsonl")) return SourceFormat::kJsonLines;
  SourceFormat format = DetectSourceFormat(path, head);
  if (format == SourceFormat::kAuto)
    return Status::InvalidArgument(path +
                                   ": unknown format (expected JSON Lines, WordPress WXR, "
                                   "WordPress REST JSON, HTML or PDF)");
  return format;
}

}  // namespace archive::corpus
