// Telling which format a source is in, from its path and its first bytes.
#pragma once

#include <string>
#include <string_view>

#include "core/status_or.h"
#include "corpus/corpus_reader.h"

namespace archive::corpus {

// "jsonl", "wxr", "wp-rest", "html", "pdf" (and "auto").
std::string_view SourceFormatName(SourceFormat format);

// Decides from the start of a file's content (a few KB are enough) and its name:
// "%PDF-" → PDF; a ".jsonl" name or "{" → JSON Lines; "[" → WordPress REST; "<" with "<rss"
// and the WordPress export namespace → WXR; "<" with an <html> element → one HTML page.
// kAuto when nothing matches.
SourceFormat DetectSourceFormat(std::string_view path, std::string_view head);

// Detects the format of the source at `path`: "-" is JSON Lines, a directory is HTML pages,
// a file is judged by DetectSourceFormat. kNotFound when the path does not exist,
// kInvalidArgument when the format cannot be told.
StatusOr<SourceFormat> DetectSourceFormatAt(const std::string& path);

}  // namespace archive::corpus
