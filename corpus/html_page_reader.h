// Saved web pages (*.html, *.htm): one Article per page, from the page's metadata and its
// main content without the site's navigation, header, footer and link lists. Parsed with
// libxml2's forgiving HTML parser, network access off. Thread-compatible.
#pragma once

#include <string>
#include <string_view>

#include "core/status_or.h"
#include "corpus/corpus_reader.h"

namespace archive::corpus {

// Builds the Article of one page. The title comes from og:title, else the first <h1>, else
// <title>; the date from article:published_time, <time datetime> or a "date" meta; authors
// from the "author" meta or article:author; url and id from <link rel=canonical> or og:url,
// the id otherwise from `relative_path`. Bytes that are valid UTF-8 are read as UTF-8
// whatever the page declares; otherwise the declared charset, else windows-1252.
// kInvalidArgument naming the field when the page cannot make an Article.
StatusOr<Article> ParseHtmlPage(std::string_view bytes, std::string_view relative_path,
                                const ReaderOptions& options = {});

// Reads every *.html/*.htm file under the directory `path` (recursively, in sorted order),
// or the single page `path`. A bad page is rejected with its file name and line 0.
// kNotFound when `path` does not exist, kIOError when the directory cannot be listed.
Status ReadHtmlPages(const std::string& path, const ReaderOptions& options,
                     const SourceCallbacks& callbacks);

}  // namespace archive::corpus
