#include "corpus/article_validation.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <vector>

namespace archive::corpus {
namespace {

constexpr size_t kMaxIdBytes = 128;

bool IsIdChar(unsigned char c) {
  return std::isalnum(c) || c == '.' || c == '_' || c == ':' || c == '-';
}

bool IsDigits(std::string_view text) {
  if (text.empty()) return false;
  return std::all_of(text.begin(), text.end(),
                     [](unsigned char c) { return std::isdigit(c) != 0; });
}

std::string Fnv1aHex(std::string_view text) {
  uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return hex;
}

void CleanList(std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const std::string& value : values) {
    std::string clean = CleanValue(value);
    if (!clean.empty() && std::find(out.begin(), out.end(), clean) == out.end())
      out.push_back(std::move(clean));
  }
  values = std::move(out);
}

}  // namespace

bool IsValidId(std::string_view id) {
  if (id.empty() || id.size() > kMaxIdBytes) return false;
  return std::all_of(id.begin(), id.end(), [](unsigned char c) { return IsIdChar(c); });
}

std::string SanitizeId(std::string_view raw) {
  std::string out;
  for (unsigned char c : raw) {
    if (IsIdChar(c) && c != '-') {
      out += static_cast<char>(c);
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  if (out.size() <= kMaxIdBytes) return out;
  std::string hash = Fnv1aHex(raw);
  return out.substr(0, kMaxIdBytes - hash.size() - 1) + "-" + hash;
}

std::string ParseDate(std::string_view value) {
  if (value.size() < 10 || value[4] != '-' || value[7] != '-') return "";
  if (!IsDigits(value.substr(0, 4)) || !IsDigits(value.substr(5, 2)) ||
      !IsDigits(value.substr(8, 2)))
    return "";
  int month = std::stoi(std::string(value.substr(5, 2)));
  int day = std::stoi(std::string(value.substr(8, 2)));
  if (month < 1 || month > 12 || day < 1 || day > 31) return "";
  if (value.size() > 10 && value[10] != 'T' && value[10] != ' ') return "";
  return std::string(value.substr(0, 10));
}

std::string CleanValue(std::string_view value) {
  std::string out;
  for (unsigned char c : value) {
    if (c >= 0x20 && c != 0x7f) out += static_cast<char>(c);
  }
  size_t begin = out.find_first_not_of(' ');
  if (begin == std::string::npos) return "";
  return out.substr(begin, out.find_last_not_of(' ') - begin + 1);
}

Status ValidateArticle(Article& article, const ReaderOptions& options) {
  if (!IsValidId(article.id))
    return Status::InvalidArgument("id: must be 1-128 characters of A-Za-z0-9._:-");
  if (CleanValue(article.title).empty()) return Status::InvalidArgument("title: empty");
  if (article.body.size() > options.max_body_bytes)
    return Status::InvalidArgument("body: " + std::to_string(article.body.size()) +
                                   " bytes is over the limit of " +
                                   std::to_string(options.max_body_bytes));
  if (article.kind != "article" && article.kind != "issue")
    return Status::InvalidArgument("kind: must be \"article\" or \"issue\"");
  if (!article.date.empty()) {
    std::string date = ParseDate(article.date);
    if (date.empty())
      return Status::InvalidArgument("date: \"" + article.date.substr(0, 40) +
                                     "\" is not YYYY-MM-DD or ISO 8601");
    article.date = date;
  }
  // No language is fine: the indexer detects it from the text.
  if (!article.lang.empty() &&
      (article.lang.size() != 2 || !std::isalpha(static_cast<unsigned char>(article.lang[0])) ||
       !std::isalpha(static_cast<unsigned char>(article.lang[1]))))
    return Status::InvalidArgument("lang: must be an ISO 639-1 code such as \"en\"");
  for (char& c : article.lang) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return Status::Ok();
}

Status FinishArticle(Article& article, const ReaderOptions& options) {
  // Titles from HTML sources carry line breaks and tabs; they read as spaces.
  for (char& c : article.title) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  article.title = CleanValue(article.title);
  CleanList(article.authors);
  CleanList(article.topics);
  CleanList(article.cities);
  return ValidateArticle(article, options);
}

}  // namespace archive::corpus
