// The one place where Xapian's exceptions become Status values. Public entry points of
// indexer/ and query/ wrap their Xapian calls in CallXapian; nothing else catches them.
#pragma once

#include <functional>
#include <string_view>

#include "core/status.h"

namespace archive {

// Runs `body`; a Xapian::Error (or std::bad_alloc) it throws becomes a Status whose
// message starts with `what`. See STYLE.md for the mapping of each Xapian error class.
Status CallXapian(std::string_view what, const std::function<void()>& body);

}  // namespace archive
