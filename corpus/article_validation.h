// The checks every reader applies to the Article it built, so that a record means the same
// thing whichever format it came from. Messages name the field ("date: ...").
#pragma once

#include <string>
#include <string_view>

#include "core/article.h"
#include "core/status.h"
#include "corpus/corpus_reader.h"

namespace archive::corpus {

// True for 1-128 characters of A-Za-z0-9._:-.
bool IsValidId(std::string_view id);

// Maps arbitrary text (a URL, a relative path) into the id charset: other characters become
// '-', runs of '-' collapse, and an over-long result keeps its start plus a hash of the whole
// so that distinct inputs stay distinct. Empty when nothing usable is left.
std::string SanitizeId(std::string_view raw);

// Accepts YYYY-MM-DD, optionally followed by 'T' or ' ' and a time; returns the date part,
// or an empty string when `value` is not such a date.
std::string ParseDate(std::string_view value);

// Drops control characters and surrounding spaces: metadata values become index terms.
std::string CleanValue(std::string_view value);

// Checks id, title, body size, kind, date and lang; normalises date and lang in place.
Status ValidateArticle(Article& article, const ReaderOptions& options);

// What the non-JSONL readers call last: cleans the title and the list fields (dropping
// empty and repeated values), then ValidateArticle.
Status FinishArticle(Article& article, const ReaderOptions& options);

}  // namespace archive::corpus
