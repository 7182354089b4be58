// WordPress REST API JSON: the array /wp-json/wp/v2/posts (or /pages) returns, with or
// without ?_embed. One Article per published post; record numbers in rejections are the
// array index + 1. Thread-compatible (no shared state).
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"
#include "corpus/corpus_reader.h"

namespace archive::corpus {

// Reads an array held in memory. Category and tag ids are named through
// _embedded["wp:term"] when present (categories → topics, tags naming a known city →
// cities); _embedded.author[].name → authors. Posts whose status is not "publish", that
// are password-protected or are not posts or pages go to on_skip. A bad element is rejected
// and the rest are still read; an array cut short delivers every element before the break.
// kInvalidArgument only when the input is not a JSON array at all.
Status ReadWordPressRest(std::string_view json, const std::string& source_name,
                         const ReaderOptions& options, const SourceCallbacks& callbacks);

// Reads the array at `path`; kNotFound/kIOError when it cannot be read.
Status ReadWordPressRestFile(const std::string& path, const ReaderOptions& options,
                             const SourceCallbacks& callbacks);

}  // namespace archive::corpus
