// JSON Lines reader for the archive's article format (documented in corpus/README.md).
#pragma once

#include <istream>
#include <string>
#include <string_view>

#include "core/status_or.h"
#include "corpus/corpus_reader.h"

namespace archive::corpus {

// Validates one JSON object against the article format. The error message names the
// offending field ("id: must be 1-128 characters of A-Za-z0-9._:-").
StatusOr<Article> ParseArticleJson(std::string_view line, const ReaderOptions& options = {});

// Reads every line of `in`; blank lines are skipped. Returns the number of articles
// delivered. Never fails on a bad record (it is passed to `on_reject`).
uint64_t ReadJsonLines(std::istream& in, const std::string& source_name,
                       const ArticleCallback& on_article, const RejectionCallback& on_reject,
                       const ReaderOptions& options = {});

// Opens `path` ("-" is standard input) and reads it; kNotFound/kIOError if it cannot be
// opened.
StatusOr<uint64_t> ReadJsonLinesFile(const std::string& path, const ArticleCallback& on_article,
                                     const RejectionCallback& on_reject,
                                     const ReaderOptions& options = {});

}  // namespace archive::corpus
