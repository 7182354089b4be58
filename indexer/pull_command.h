// `archive-index pull`: the routine after each issue without a manual export. Fetches
// what changed on the WordPress site since the last pull (corpus/wordpress_pull.h),
// applies it as one update (new and changed posts added, posts no longer published
// removed) and records where it stopped in the live generation, so that the next pull
// continues from there. A failed fetch applies nothing and leaves the record alone.
#pragma once

#include <string>

namespace archive::indexer {

struct PullArgs {
  std::string index_dir;
  std::string site_url;  // --wordpress
  std::string auth;      // --auth user:application-password (or ARCHIVE_WORDPRESS_AUTH)
  bool full = false;     // --full: ignore the record, fetch every published post
  bool json = false;
  int timeout_seconds = 30;
};

int RunPull(const PullArgs& args);

}  // namespace archive::indexer
