#include "corpus/pdf_reader.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "corpus/article_validation.h"
#include "corpus/date_formats.h"
#include "corpus/record_sink.h"
#include "corpus/source_bytes.h"

namespace archive::corpus {
namespace {

bool IsDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(),
                                      [](unsigned char c) { return std::isdigit(c) != 0; });
}

std::vector<std::string> Tokens(std::string_view text) {
  std::vector<std::string> tokens;
  std::string token;
  for (unsigned char c : text) {
    if (std::isalnum(c)) {
      token += static_cast<char>(std::tolower(c));
    } else if (!token.empty()) {
      tokens.push_back(std::move(token));
      token.clear();
    }
  }
  if (!token.empty()) tokens.push_back(std::move(token));
  return tokens;
}

// "2020", "03" and optionally "15" at tokens[i...] → a date; empty otherwise.
std::string DateFromTokens(const std::vector<std::string>& tokens, size_t i) {
  if (i + 1 >= tokens.size() || tokens[i].size() != 4 || tokens[i + 1].size() != 2) return "";
  std::string date = tokens[i] + "-" + tokens[i + 1] + "-01";
  if (i + 2 < tokens.size() && tokens[i + 2].size() == 2 && IsDigits(tokens[i + 2]))
    date = tokens[i] + "-" + tokens[i + 1] + "-" + tokens[i + 2];
  return ParseDate(date);
}

std::string Utf8(const poppler::ustring& text) {
  poppler::byte_array bytes = text.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

std::string Trim(std::string_view text) {
  size_t begin = text.find_first_not_of(" \t\r\n\f");
  if (begin == std::string_view::npos) return "";
  return std::string(text.substr(begin, text.find_last_not_of(" \t\r\n\f") - begin + 1));
}

// A first line reads as a headline when it is a few words of text that do not end a
// sentence (running heads and page furniture are usually caught by the length or digits).
std::string HeadlineOf(std::string_view text) {
  std::string line = Trim(text.substr(0, text.find('\n')));
  if (line.size() < 8 || line.size() > 100 || line.find(' ') == std::string::npos) return "";
  if (line.back() == '.' || line.back() == ',' || line.back() == ';') return "";
  size_t letters = std::count_if(line.begin(), line.end(),
                                 [](unsigned char c) { return std::isalpha(c) || c >= 0x80; });
  if (letters * 2 < line.size()) return "";
  unsigned char first = static_cast<unsigned char>(line[0]);
  if (std::islower(first) || std::isdigit(first)) return "";
  return line;
}

IssueInfo DocumentIssue(const poppler::document& doc, const std::string& source_name) {
  IssueInfo info = IssueFromFileName(std::filesystem::path(source_name).filename().string());
  if (info.issue == 0) info.issue = IssueFromTitle(Utf8(doc.get_title()));
  if (info.date.empty()) info.date = DateFromUnixTime(doc.get_creation_date_t());
  return info;
}

struct PageNames {
  std::string id;
  std::string title;
};

PageNames NamePage(const IssueInfo& info, const std::string& source_name, int page) {
  char number[64];
  if (info.issue > 0) {
    std::snprintf(number, sizeof number, "issue-%04d-p%02d", info.issue, page);
    return {number, "Issue " + std::to_string(info.issue) + ", page " + std::to_string(page)};
  }
  std::string stem = std::filesystem::path(source_name).stem().string();
  std::snprintf(number, sizeof number, "-p%02d", page);
  return {SanitizeId(stem).substr(0, 100) + number, stem + ", page " + std::to_string(page)};
}

void ReadPage(const poppler::document& doc, int index, const IssueInfo& info,
              const ReaderOptions& options, RecordSink& sink) {
  const int number = index + 1;
  std::unique_ptr<poppler::page> page(doc.create_page(index));
  if (!page) return sink.Reject(static_cast<uint64_t>(number), "page cannot be read");
  std::string text = Trim(Utf8(
      page->text(poppler::rectf(), poppler::page::text_layout_enum::non_raw_non_physical_layout)));
  std::replace(text.begin(), text.end(), '\f', '\n');
  PageNames names = NamePage(info, sink.source(), number);
  if (text.empty()) return sink.Skip(static_cast<uint64_t>(number), "blank page: " + names.id);
  Article article;
  article.id = names.id;
  article.title = names.title;
  std::string headline = HeadlineOf(text);
  if (!headline.empty()) article.title += ": " + headline;
  article.body = std::move(text);
  article.issue = info.issue;
  article.date = info.date;
  Status valid = FinishArticle(article, options);
  if (!valid.ok()) return sink.Reject(static_cast<uint64_t>(number), valid.message());
  sink.Deliver(std::move(article));
}

// Poppler prints its parser's complaints ("Syntax Error (1234): ...") on standard error,
// where they would break the indexer's progress line. They go instead to the reading
// thread's `last_diagnostic`, which names the cause when a PDF cannot be opened at all;
// those about a PDF that still opened are dropped (its pages are read or rejected).
thread_local std::string* last_diagnostic = nullptr;

void KeepDiagnostic(const std::string& message, void* /*closure*/) {
  if (last_diagnostic != nullptr) *last_diagnostic = message;
}

// Points `last_diagnostic` at a reader's string for as long as its PDF is open.
class DiagnosticScope {
 public:
  explicit DiagnosticScope(std::string* diagnostic) { last_diagnostic = diagnostic; }
  ~DiagnosticScope() { last_diagnostic = nullptr; }
  DiagnosticScope(const DiagnosticScope&) = delete;
  DiagnosticScope& operator=(const DiagnosticScope&) = delete;
};

// Poppler's hook is process-wide; installed once, before the first PDF is opened.
void RoutePopplerDiagnostics() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(KeepDiagnostic, nullptr); });
}

}  // namespace

IssueInfo IssueFromFileName(std::string_view file_name) {
  std::string_view stem = file_name.substr(0, file_name.rfind('.'));
  std::vector<std::string> tokens = Tokens(stem);
  IssueInfo info;
  size_t i = 0;
  if (i < tokens.size() && (tokens[i] == "issue" || tokens[i] == "no")) ++i;
  // "2020-03.pdf" names a month, not issue 2020.
  if (i < tokens.size() && IsDigits(tokens[i]) && tokens[i].size() <= 5 &&
      DateFromTokens(tokens, i).empty()) {
    info.issue = std::stoi(tokens[i]);
    ++i;
  }
  for (; i < tokens.size() && info.date.empty(); ++i) info.date = DateFromTokens(tokens, i);
  return info;
}

int IssueFromTitle(std::string_view title) {
  std::vector<std::string> tokens = Tokens(title);
  for (size_t i = 0; i + 1 < tokens.size(); ++i) {
    if ((tokens[i] == "issue" || tokens[i] == "no") && IsDigits(tokens[i + 1]) &&
        tokens[i + 1].size() <= 5)
      return std::stoi(tokens[i + 1]);
  }
  return 0;
}

Status ReadPdf(std::string_view bytes, const std::string& source_name, const ReaderOptions& options,
               const SourceCallbacks& callbacks) {
  if (bytes.substr(0, 1024).find("%PDF-") == std::string_view::npos ||
      bytes.size() > static_cast<size_t>(std::numeric_limits<int>::max()))
    return Status::InvalidArgument(source_name + ": not a PDF");
  RoutePopplerDiagnostics();
  std::string diagnostic;
  DiagnosticScope scope(&diagnostic);  // declared before `doc`: outlives it
  // REQUIRES: `bytes` outlives `doc`; poppler reads from the caller's buffer.
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) {
    return Status::InvalidArgument(source_name + ": PDF cannot be opened" +
                                   (diagnostic.empty() ? "" : " (" + diagnostic + ")"));
  }
  RecordSink sink(source_name, callbacks);
  if (doc->is_locked()) {
    sink.Reject(0, "PDF is password-protected");
    return Status::Ok();
  }
  IssueInfo info = DocumentIssue(*doc, source_name);
  for (int index = 0; index < doc->pages(); ++index) ReadPage(*doc, index, info, options, sink);
  return Status::Ok();
}

Status ReadPdfFile(const std::string& path, const ReaderOptions& options,
                   const SourceCallbacks& callbacks) {
  StatusOr<std::string> bytes = ReadFileBytes(path);
  if (!bytes.ok()) return bytes.status();
  return ReadPdf(*bytes, path, options, callbacks);
}

}  // namespace archive::corpus
