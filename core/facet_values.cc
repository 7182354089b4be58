#include "core/facet_values.h"

namespace archive {
namespace {

constexpr char kFieldSeparator = '\x1e';
constexpr char kValueSeparator = '\x1f';

void AppendList(const std::vector<std::string>& list, std::string& out) {
  for (size_t i = 0; i < list.size(); ++i) {
    if (i > 0) out += kValueSeparator;
    out += list[i];
  }
}

std::vector<std::string> SplitList(std::string_view text) {
  std::vector<std::string> values;
  while (!text.empty()) {
    size_t end = text.find(kValueSeparator);
    std::string_view value = text.substr(0, end);
    if (!value.empty()) values.emplace_back(value);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return values;
}

}  // namespace

std::string EncodeFacetValues(const FacetValues& values) {
  std::string out;
  AppendList(values.topics, out);
  out += kFieldSeparator;
  AppendList(values.cities, out);
  return out;
}

FacetValues DecodeFacetValues(std::string_view encoded) {
  FacetValues values;
  size_t split = encoded.find(kFieldSeparator);
  values.topics = SplitList(encoded.substr(0, split));
  if (split == std::string_view::npos) return values;
  std::string_view rest = encoded.substr(split + 1);
  values.cities = SplitList(rest.substr(0, rest.find(kFieldSeparator)));
  return values;
}

std::string EncodeFacetValues(const FacetValues& values, const std::vector<std::string>& authors) {
  std::string out = EncodeFacetValues(values);
  out += kFieldSeparator;
  AppendList(authors, out);
  return out;
}

std::optional<std::vector<std::string>> DecodeFacetAuthors(std::string_view encoded) {
  size_t first = encoded.find(kFieldSeparator);
  if (first == std::string_view::npos) return std::nullopt;
  size_t second = encoded.find(kFieldSeparator, first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  return SplitList(encoded.substr(second + 1));
}

}  // namespace archive
