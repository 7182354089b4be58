#include "corpus/date_formats.h"

#include <array>
#include <cctype>
#include <cstdio>
#include <sstream>
#include <vector>

namespace archive::corpus {
namespace {

int MonthFromName(std::string_view name) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  if (name.size() < 3) return 0;
  std::string prefix;
  for (char c : name.substr(0, 3))
    prefix += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (kMonths[i] == prefix) return static_cast<int>(i) + 1;
  }
  return 0;
}

bool ParseNumber(const std::string& text, int& out) {
  if (text.empty() || text.size() > 4) return false;
  out = 0;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    out = out * 10 + (c - '0');
  }
  return true;
}

std::string FormatDate(int year, int month, int day) {
  char text[40];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
  return text;
}

}  // namespace

std::string ParseRfc822Date(std::string_view value) {
  std::string text(value);
  size_t comma = text.find(',');
  if (comma != std::string::npos) text = text.substr(comma + 1);
  std::istringstream words(text);
  std::vector<std::string> parts;
  for (std::string word; words >> word && parts.size() < 3;) parts.push_back(word);
  if (parts.size() < 3) return "";
  int day = 0;
  int year = 0;
  int month = MonthFromName(parts[1]);
  if (!ParseNumber(parts[0], day) || month == 0 || !ParseNumber(parts[2], year)) return "";
  if (parts[2].size() == 2) year += year < 50 ? 2000 : 1900;  // RFC 822's two-digit years
  if (parts[2].size() == 3 || day < 1 || day > 31 || year < 1000) return "";
  return FormatDate(year, month, day);
}

std::string DateFromUnixTime(std::time_t seconds) {
  if (seconds <= 0) return "";
  std::tm utc{};
  if (gmtime_r(&seconds, &utc) == nullptr) return "";
  return FormatDate(utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday);
}

}  // namespace archive::corpus
