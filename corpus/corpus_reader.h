// What every corpus reader yields: good records as Articles, bad ones as Rejections that
// name the file, the line and the reason, and records left out by policy (a WordPress
// draft, say) as Skips. A bad record never stops the rest of a file.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "core/article.h"
#include "core/status.h"
#include "corpus/derivation_options.h"

namespace archive::corpus {

struct Rejection {
  std::string source;  // file name as given
  uint64_t line = 0;   // 1-based line (or record number where a format has no lines); 0: whole file
  std::string reason;

  // "FILE:LINE: REASON" (or "FILE: REASON"), as compilers print errors.
  std::string ToString() const;
};

// The formats a source can be in; kAuto detects it from the path and the content.
enum class SourceFormat { kAuto, kJsonLines, kWordPressWxr, kWordPressRest, kHtml, kPdf };

struct ReaderOptions {
  size_t max_body_bytes = 10 * 1024 * 1024;  // larger bodies are rejected, not truncated
  SourceFormat format = SourceFormat::kAuto;
  // Fill in missing topics and cities from each article's text, marked as derived
  // (corpus/metadata_deriver.h). Given values are never replaced.
  bool derive_metadata = true;
  DerivationOptions derivation;  // thresholds; the defaults are the measured ones
};

using ArticleCallback = std::function<void(Article&&)>;
using RejectionCallback = std::function<void(const Rejection&)>;

struct SourceCallbacks {
  ArticleCallback on_article;
  RejectionCallback on_reject;  // a record (or file) that could not be read
  RejectionCallback on_skip;    // a record left out by policy; `reason` says which
};

// Reads one source: a file in any supported format, a directory (of HTML pages), or "-"
// (JSON Lines on standard input). Returns non-OK only when the source as a whole cannot
// be read (missing, unreadable, unknown format); bad records go to on_reject. With
// options.derive_metadata, every article has its missing metadata derived before on_article.
Status ReadSource(const std::string& path, const ReaderOptions& options,
                  const SourceCallbacks& callbacks);

}  // namespace archive::corpus
