// Reading a source file whole, and making its bytes safe to hand to a UTF-8 parser.
#pragma once

#include <string>
#include <string_view>

#include "core/status_or.h"

namespace archive::corpus {

// The file's bytes; kNotFound when it cannot be opened, kIOError when reading fails.
StatusOr<std::string> ReadFileBytes(const std::string& path);

bool IsValidUtf8(std::string_view bytes);

// Replaces every byte that is not part of a well-formed UTF-8 sequence with U+FFFD, so that
// one bad byte costs one character instead of the rest of an XML or JSON file.
std::string ReplaceInvalidUtf8(std::string_view bytes);

// Decodes windows-1252 (a superset of ISO-8859-1 in the printable range); its five
// undefined bytes become U+FFFD. Done here rather than through iconv, which stops at them.
std::string Windows1252ToUtf8(std::string_view bytes);

}  // namespace archive::corpus
