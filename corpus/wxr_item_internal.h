// One <item> of a WordPress export as its text fields, and what the archive makes of it.
// Internal to the WXR reader; split out so the XML walking and the policy stay small.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/status_or.h"
#include "corpus/corpus_reader.h"

namespace archive::corpus {

struct WxrItem {
  uint64_t line = 0;  // where the <item> starts
  std::string title;
  std::string link;
  std::string pub_date;
  std::string creator;  // dc:creator, an author login
  std::string content;  // content:encoded
  std::string excerpt;  // excerpt:encoded
  std::string post_id;
  std::string post_date_gmt;
  std::string status;
  std::string post_type;
  std::string password;
  std::vector<std::pair<std::string, std::string>> terms;  // (domain, name) of <category>
};

// wp:author_login → wp:author_display_name, from the export's <wp:author> entries.
using WxrAuthorNames = std::map<std::string, std::string>;

// Why the item is left out ("draft: wp-12", "attachment: wp-40"), or empty for a published
// post or page.
std::string WxrSkipReason(const WxrItem& item);

// The Article of a published item; kInvalidArgument naming the field otherwise.
StatusOr<Article> WxrItemToArticle(const WxrItem& item, const WxrAuthorNames& authors,
                                   const ReaderOptions& options);

}  // namespace archive::corpus
