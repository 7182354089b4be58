#include "corpus/json_array_splitter.h"

namespace archive::corpus {
namespace {

constexpr std::string_view kSpace = " \t\r\n";

}  // namespace

JsonArraySplitter::JsonArraySplitter(std::string_view text) : text_(text) {
  if (text_.starts_with("\xEF\xBB\xBF")) pos_ = 3;
  pos_ = text_.find_first_not_of(kSpace, pos_);
  is_array_ = pos_ != std::string_view::npos && text_[pos_] == '[';
  if (!is_array_) {
    done_ = true;
    pos_ = text_.size();
    return;
  }
  ++pos_;
}

size_t JsonArraySplitter::ElementEnd() const {
  int depth = 0;
  bool in_string = false;
  for (size_t i = pos_; i < text_.size(); ++i) {
    char c = text_[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (depth == 0 && c == ']') return i;  // the array's own ']'
      // A stray '}' belongs to the malformed element it is in (returning it as an end
      // would leave Next() on it for ever: found by fuzz_wp_rest).
      if (depth > 0) --depth;
    } else if (c == ',' && depth == 0) {
      return i;
    }
  }
  return std::string_view::npos;
}

bool JsonArraySplitter::Next(std::string_view& element) {
  if (done_) return false;
  pos_ = text_.find_first_not_of(kSpace, pos_);
  if (pos_ == std::string_view::npos) {
    done_ = truncated_ = true;
    pos_ = text_.size();
    return false;
  }
  if (text_[pos_] == ']') {
    done_ = true;
    ++pos_;
    return false;
  }
  size_t end = ElementEnd();
  if (end == std::string_view::npos) {
    done_ = truncated_ = true;
    return false;
  }
  element = text_.substr(pos_, end - pos_);
  pos_ = text_[end] == ',' ? end + 1 : end;
  return true;
}

}  // namespace archive::corpus
