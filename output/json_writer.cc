#include "output/json_writer.h"

#include <array>
#include <charconv>
#include <nlohmann/json.hpp>

namespace archive::output {
namespace {

// Length of the well-formed UTF-8 sequence at text[i] (a lead byte >= 0x80), or 0 when it
// is not one (Unicode table 3-7: no overlong forms, no surrogates, nothing past U+10FFFF).
size_t Utf8Length(std::string_view text, size_t i) {
  const auto byte = [&](size_t k) {
    return k < text.size() ? static_cast<unsigned char>(text[k]) : 0u;
  };
  const auto tail = [](unsigned c) { return c >= 0x80 && c <= 0xBF; };
  const unsigned lead = byte(i);
  const unsigned second = byte(i + 1);
  if (lead >= 0xC2 && lead <= 0xDF) return tail(second) ? 2 : 0;
  if (lead >= 0xE0 && lead <= 0xEF) {
    const unsigned low = lead == 0xE0 ? 0xA0 : 0x80;
    const unsigned high = lead == 0xED ? 0x9F : 0xBF;
    return second >= low && second <= high && tail(byte(i + 2)) ? 3 : 0;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    const unsigned low = lead == 0xF0 ? 0x90 : 0x80;
    const unsigned high = lead == 0xF4 ? 0x8F : 0xBF;
    return second >= low && second <= high && tail(byte(i + 2)) && tail(byte(i + 3)) ? 4 : 0;
  }
  return 0;
}

// The escape nlohmann writes for an ASCII byte, or nullptr when it goes out as it is.
const char* EscapeOf(unsigned char c) {
  switch (c) {
    case '"':
      return "\\\"";
    case '\\':
      return "\\\\";
    case '\b':
      return "\\b";
    case '\f':
      return "\\f";
    case '\n':
      return "\\n";
    case '\r':
      return "\\r";
    case '\t':
      return "\\t";
    default:
      return nullptr;
  }
}

void AppendControl(unsigned char c, std::string& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += "\\u00";
  out += kHex[c >> 4];
  out += kHex[c & 0xF];
}

// Bytes that go out as they are without a look at their neighbours: printable ASCII
// other than " and \ (and DEL, which nlohmann leaves alone without ensure_ascii).
constexpr std::array<bool, 256> kPlain = [] {
  std::array<bool, 256> plain{};
  for (int c = 0x20; c < 0x80; ++c) plain[c] = c != '"' && c != '\\';
  return plain;
}();

void AppendNumber(auto value, std::string& out) {
  char buffer[24];
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, end);
}

}  // namespace

void AppendJsonString(std::string_view text, std::string& out) {
  const size_t start = out.size();
  out += '"';
  size_t plain = 0;  // start of the run of bytes not yet copied
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (kPlain[c]) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      const size_t length = Utf8Length(text, i);
      if (length == 0) {  // rare: let nlohmann decide what replaces what
        out.resize(start);
        out += nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return;
      }
      i += length;
      continue;
    }
    out.append(text.data() + plain, i - plain);
    if (const char* escape = EscapeOf(c)) {
      out += escape;
    } else {
      AppendControl(c, out);
    }
    plain = ++i;
  }
  out.append(text.data() + plain, text.size() - plain);
  out += '"';
}

void JsonWriter::Key(std::string_view name) {
  BeforeValue();
  AppendJsonString(name, out_);
  out_ += ':';
  after_key_ = true;
}

void JsonWriter::String(std::string_view text) {
  BeforeValue();
  AppendJsonString(text, out_);
}

void JsonWriter::StringOrNull(std::string_view text) {
  if (text.empty()) return Null();
  String(text);
}

void JsonWriter::Uint(uint64_t value) {
  BeforeValue();
  AppendNumber(value, out_);
}

void JsonWriter::Int(int64_t value) {
  BeforeValue();
  AppendNumber(value, out_);
}

void JsonWriter::Double(double value) {
  BeforeValue();
  // nlohmann's own shortest form (and null for NaN and infinities), so that the bytes
  // stay those of the DOM encoding this writer replaced.
  out_ += nlohmann::json(value).dump();
}

void JsonWriter::Bool(bool value) {
  BeforeValue();
  out_ += value ? "true" : "false";
}

void JsonWriter::Null() {
  BeforeValue();
  out_ += "null";
}

void JsonWriter::Strings(const std::vector<std::string>& values) {
  BeginArray();
  for (const std::string& value : values) String(value);
  EndArray();
}

void JsonWriter::Raw(std::string_view json) {
  BeforeValue();
  out_ += json;
}

void JsonWriter::Open(char bracket) {
  BeforeValue();
  out_ += bracket;
  ++depth_;
  first_ |= uint64_t{1} << (depth_ & 63);
}

void JsonWriter::Close(char bracket) {
  out_ += bracket;
  --depth_;
}

void JsonWriter::BeforeValue() {
  if (after_key_) {  // the member's value follows its key directly
    after_key_ = false;
    return;
  }
  if (depth_ == 0) return;
  const uint64_t bit = uint64_t{1} << (depth_ & 63);
  if ((first_ & bit) == 0) out_ += ',';
  first_ &= ~bit;
}

}  // namespace archive::output
