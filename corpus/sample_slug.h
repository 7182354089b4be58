// Turns a headline into the ASCII slug of a WordPress-style URL ("Stop the evictions!" ->
// "stop-the-evictions"), folding accented Latin letters to their base letter.
#pragma once

#include <string>
#include <string_view>

namespace archive::corpus {

// Appends at most `max_length` characters of [a-z0-9-] to *out; never starts or ends with '-'.
void AppendSlug(std::string_view text, size_t max_length, std::string* out);

}  // namespace archive::corpus
