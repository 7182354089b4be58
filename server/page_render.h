// HTML for browsers without JavaScript: the results page of /search, built from the same
// SearchRequest and SearchResult as /api/search. Every piece of document text and every
// echoed parameter is HTML-escaped here; snippets and highlighted titles arrive escaped
// by the query library with only the page's own <mark> inserted.
#pragma once

#include <string>
#include <string_view>

#include "core/article.h"
#include "core/html_text.h"  // HtmlEscape
#include "query/search_types.h"
#include "server/json_codec.h"

namespace archive::server {

// Percent-encoding for a query-string component (RFC 3986 unreserved kept).
std::string UrlEncode(std::string_view text);

struct ResultsPage {
  const Params& params;                 // as received: the state that links carry on
  const query::SearchRequest* request;  // null with `error`
  const query::SearchResult* result;    // null with `error`
  std::string_view error;               // a parameter the server refused, said to the reader
  double took_ms = 0;
};

// A whole HTML document: the search form holding the query, the count, time and index
// state, "did you mean" and other notices, topic and city facets as links with counts,
// the hits, sort and page links.
std::string RenderResultsPage(const ResultsPage& page);

// The article for #view-article of the page's document, so that /article/{id} shows it
// without JavaScript too: headline, metadata, the text (HTML bodies reduced to their
// text) in paragraphs, and a link back to the results of `query` when it is not empty.
std::string RenderArticleView(const Article& article, std::string_view query);

// The page's document with `view` as the article view's content (shown, with `title`),
// in place of the empty, hidden one.
std::string WithArticleView(std::string_view document, std::string_view title,
                            std::string_view view);

}  // namespace archive::server
