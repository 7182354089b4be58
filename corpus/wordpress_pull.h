// Fetching what changed on a live WordPress site through its REST API, for
// `archive-index pull`: the posts modified since a cursor (paged, oldest change first,
// with embedded terms and authors) and the ids of every post still published, so that
// trashed, unpublished and deleted posts can be removed. Everything is fetched before
// anything is returned: a page that fails midway fails the whole pull, so the caller
// never applies half of it.
#pragma once

#include <chrono>
#include <set>
#include <string>
#include <vector>

#include "core/article.h"
#include "core/status_or.h"
#include "corpus/corpus_reader.h"

namespace archive::corpus {

struct WordPressPullOptions {
  // The site ("https://example.org", "http://127.0.0.1:8000/blog") or its REST root
  // (".../wp-json"); http and https.
  std::string site_url;
  // "user:application-password" for sites whose REST API needs it; sent as HTTP Basic.
  std::string auth;
  // modified_gmt of the newest change already applied (ISO 8601, "2024-05-01T10:00:00");
  // empty fetches every published post.
  std::string modified_after;
  int per_page = 100;  // WordPress's maximum
  std::chrono::seconds timeout{30};
};

struct WordPressChanges {
  std::vector<Article> articles;        // published posts changed since the cursor
  std::vector<Rejection> rejections;    // posts that could not be read (the rest still are)
  std::vector<Rejection> skips;         // drafts, private, password-protected... by policy
  std::set<std::string> published_ids;  // every post published now ("wp-123")
  std::string newest_modified;          // the next cursor; the old one when nothing changed
  int requests = 0;                     // HTTP requests made
};

// kInvalidArgument for a malformed site URL; kUnavailable naming the URL and the HTTP
// status (or the connection error) when any page cannot be fetched; kCorruption when a
// page is not the JSON array WordPress returns.
StatusOr<WordPressChanges> FetchWordPressChanges(const WordPressPullOptions& pull,
                                                 const ReaderOptions& reading);

}  // namespace archive::corpus
