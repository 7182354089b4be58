// Splits the text of a JSON array into the text of its elements without parsing them, so
// that one malformed element, or an array cut short, costs only the elements concerned.
#pragma once

#include <cstddef>
#include <string_view>

namespace archive::corpus {

// REQUIRES: `text` outlives the splitter.
class JsonArraySplitter {
 public:
  explicit JsonArraySplitter(std::string_view text);

  // False when the text does not start (after white space and a BOM) with '['.
  bool is_array() const { return is_array_; }

  // Sets `element` to the next element's text and returns true; false at the closing ']'
  // or when the text ends first (then truncated() is true).
  bool Next(std::string_view& element);

  bool truncated() const { return truncated_; }
  size_t offset() const { return pos_; }  // byte offset reached

 private:
  // One past the end of the element starting at pos_, or npos when the text ends first.
  size_t ElementEnd() const;

  std::string_view text_;
  size_t pos_ = 0;
  bool is_array_ = false;
  bool done_ = false;
  bool truncated_ = false;
};

}  // namespace archive::corpus
