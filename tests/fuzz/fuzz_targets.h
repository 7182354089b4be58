// The fuzz targets' entry functions, one per input format we accept from outside. Each
// takes any bytes, must never crash, leak or invoke undefined behaviour, and returns 0.
// libFuzzer calls them through fuzzer_main.cc (ARCHIVE_FUZZ=ON); the regular build's
// fuzz_replay_test feeds them the seed corpora and every regression input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace archive::fuzz {

using Entry = int (*)(const uint8_t* data, size_t size);

int FuzzQuery(const uint8_t* data, size_t size);       // text plus filters, QueryBuilder
int FuzzJsonLines(const uint8_t* data, size_t size);   // corpus JSON Lines reader
int FuzzWxr(const uint8_t* data, size_t size);         // WordPress WXR reader
int FuzzWpRest(const uint8_t* data, size_t size);      // WordPress REST JSON reader
int FuzzHtmlText(const uint8_t* data, size_t size);    // core HtmlToText
int FuzzSnippet(const uint8_t* data, size_t size);     // query SnippetMaker
int FuzzHttpParams(const uint8_t* data, size_t size);  // server parameter and body decoder

// The bytes as text, and a cursor over its lines (inputs are line-structured).
inline std::string_view AsText(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}
inline std::string_view NextLine(std::string_view& rest) {
  size_t end = rest.find('\n');
  std::string_view line = rest.substr(0, end);
  rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
  return line;
}

}  // namespace archive::fuzz
