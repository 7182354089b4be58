// Appends JSON text to a string as it goes: the same bytes nlohmann's
// dump(-1, ' ', false, replace) would give for the same values (keys in the order
// written, so callers write them sorted, as nlohmann's std::map does), without building a
// DOM first. Building and then dumping one was an eighth of the instructions of a whole
// /api/search request (docs/query-performance.md). Search results, their hits and facets
// are written with it by result_json.h, for the CLI and the server alike; the server's
// access log lines too. Not thread-safe; the string is owned by the caller.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace archive::output {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  // The next value is the member `name` of the open object.
  void Key(std::string_view name);

  void String(std::string_view text);
  void StringOrNull(std::string_view text);  // null when empty
  void Uint(uint64_t value);
  void Int(int64_t value);
  void Double(double value);
  void Bool(bool value);
  void Null();
  void Strings(const std::vector<std::string>& values);  // an array of strings
  // A value already encoded as JSON (by another JsonWriter), copied as it is.
  void Raw(std::string_view json);

 private:
  void Open(char bracket);
  void Close(char bracket);
  void BeforeValue();

  std::string& out_;
  // Bit d: the container open at depth d has no member yet. The answers written here
  // nest a few levels deep; past 64 the comma bookkeeping would be wrong.
  uint64_t first_ = 0;
  int depth_ = 0;
  bool after_key_ = false;
};

// `text` as a JSON string literal, quotes included, appended to `out`: UTF-8 passes
// through, ", \ and control characters are escaped, and a string that is not valid UTF-8
// is handed to nlohmann, which replaces the bad bytes with U+FFFD.
void AppendJsonString(std::string_view text, std::string& out);

}  // namespace archive::output
