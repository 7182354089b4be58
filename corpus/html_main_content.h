// Finding the article in a saved web page: the <article> (or <main>, or <body>) without the
// site's furniture. Internal to the HTML page reader.
#pragma once

#include <libxml/tree.h>

#include <string>

namespace archive::corpus {

// The element that holds the article: the first <article>, else <main>, else <body>, else
// the root. Null for an empty document.
xmlNode* FindMainElement(xmlDoc* doc);

// Unlinks and frees, below `main`, what is not the article: nav, header, footer, aside,
// script, style, forms and embeds; blocks whose heading is "Latest articles", "Related ...",
// "Read more" (and the like); and link-dense blocks (mostly link text, three links or more).
void RemoveFurniture(xmlNode* main);

// The children of `node` serialised as HTML (UTF-8; the indexer decodes it).
std::string InnerHtml(xmlDoc* doc, xmlNode* node);

// The text of `node` and its descendants, white space collapsed and trimmed.
std::string NodeText(const xmlNode* node);

// The value of attribute `name`, or empty.
std::string AttributeValue(const xmlNode* node, const char* name);

}  // namespace archive::corpus
