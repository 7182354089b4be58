// Fuzz target for what an HTTP client sends to /api/search: a query string (decoded into
// parameters as an HTTP library would: split at '&' and '=', percent- and plus-decoded) or,
// when the input starts with '{', a POST body; either way through the server's decoder.
#include <string>

#include "server/json_codec.h"
#include "tests/fuzz/fuzz_targets.h"

namespace archive::fuzz {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string PercentDecoded(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out += ' ';
    } else if (text[i] == '%' && i + 2 < text.size() && HexValue(text[i + 1]) >= 0 &&
               HexValue(text[i + 2]) >= 0) {
      out += static_cast<char>(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

server::Params QueryStringParams(std::string_view query) {
  server::Params params;
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    size_t equals = pair.find('=');
    params.emplace(PercentDecoded(pair.substr(0, equals)),
                   equals == std::string_view::npos ? "" : PercentDecoded(pair.substr(equals + 1)));
  }
  return params;
}

}  // namespace

int FuzzHttpParams(const uint8_t* data, size_t size) {
  std::string_view input = AsText(data, size);
  if (!input.empty() && input.front() == '{') {
    bool malformed = false;
    auto params = server::ParseSearchBody(input, &malformed);
    if (params.ok()) (void)server::DecodeSearchParams(*params);
    return 0;
  }
  (void)server::DecodeSearchParams(QueryStringParams(input));
  return 0;
}

}  // namespace archive::fuzz
