// A stable 64-bit fingerprint of an article's content, used to tell a changed article
// from an unchanged one and to name the stored version a Xapian document indexed.
#pragma once

#include <string>

#include "core/article.h"

namespace archive {

// 16 lowercase hex digits; identical across runs, machines and builds (FNV-1a over every
// field, each length-prefixed so that moving text between fields changes the hash).
std::string ContentHash(const Article& article);

}  // namespace archive
