// WordPress eXtended RSS (WXR 1.1 and 1.2, Tools → Export): one Article per published post or
// page. Parsed as a stream with libxml2, with network access, DTD loading and entity
// substitution off, so an export's DTD can neither fetch files nor expand entity bombs.
// Thread-compatible (no shared state).
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"
#include "corpus/corpus_reader.h"

namespace archive::corpus {

// Reads an export held in memory; `source_name` names it in rejections, which carry the
// item's line. Drafts, scheduled, private, pending and password-protected posts,
// attachments, revisions, menu items and other post types go to on_skip. Returns
// kInvalidArgument only when the input is not a WordPress export at all; an export cut
// short delivers every item before the break and then one rejection naming the line.
Status ReadWxr(std::string_view xml, const std::string& source_name, const ReaderOptions& options,
               const SourceCallbacks& callbacks);

// Reads the export at `path`; kNotFound/kIOError when it cannot be read.
Status ReadWxrFile(const std::string& path, const ReaderOptions& options,
                   const SourceCallbacks& callbacks);

}  // namespace archive::corpus
