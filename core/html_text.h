// Turning an HTML body into the plain text that is indexed, stored and shown in snippets.
#pragma once

#include <string>
#include <string_view>

namespace archive {

// True when `body` holds markup or character references worth decoding (a tag such as
// "<p>" or an entity such as "&amp;"); plain text is passed through untouched.
bool LooksLikeHtml(std::string_view body);

// Decodes entities and drops tags, scripts and styles; each block element (p, div, li,
// h1-h6, br, ...) ends a paragraph, and paragraphs are separated by a blank line. Uses
// libxml2's forgiving HTML parser with network access off. Thread-safe.
std::string HtmlToText(std::string_view html);

// The other way: text made safe to put in HTML, in element content or a quoted attribute
// (& < > " ' replaced by references). The one escaping used by snippets and the page.
void AppendHtmlEscaped(std::string_view text, std::string& out);
std::string HtmlEscape(std::string_view text);

}  // namespace archive
