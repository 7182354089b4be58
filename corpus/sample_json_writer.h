// Writes Articles as lines of the archive's JSON Lines format (corpus/README.md). Hand-written
// rather than built on nlohmann::json because the sample generator must stream tens of
// megabytes a second; UTF-8 passes through, and only '"', '\\' and control characters are
// escaped. Stateless free functions.
#pragma once

#include <string>
#include <string_view>

#include "core/article.h"

namespace archive::corpus {

// Appends `text` as a JSON string literal, quotes included. REQUIRES: `text` is valid UTF-8.
void AppendJsonString(std::string_view text, std::string* out);

// Appends one JSON object and a '\n'. Empty optional fields are left out, as is `issue` when
// it is 0. With include_metadata false, `topics` and `cities` are left out too.
void AppendArticleJsonLine(const Article& article, bool include_metadata, std::string* out);

// Appends {"id":...,"topics":[...],"cities":[...]} and a '\n'.
void AppendTruthJsonLine(const Article& article, std::string* out);

}  // namespace archive::corpus
