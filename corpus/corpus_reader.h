// What every corpus reader yields: good records as Articles, bad ones as Rejections that
// name the file, the line and the reason. A bad record never stops the rest of a file.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "core/article.h"

namespace archive::corpus {

struct Rejection {
  std::string source;  // file name as given
  uint64_t line = 0;   // 1-based; 0 when the whole file is rejected
  std::string reason;

  // "FILE:LINE: REASON" (or "FILE: REASON"), as compilers print errors.
  std::string ToString() const;
};

struct ReaderOptions {
  size_t max_body_bytes = 10 * 1024 * 1024;  // larger bodies are rejected, not truncated
};

using ArticleCallback = std::function<void(Article&&)>;
using RejectionCallback = std::function<void(const Rejection&)>;

}  // namespace archive::corpus
