#include <algorithm>
#include <cctype>

#include "core/html_text.h"
#include "corpus/article_validation.h"
#include "corpus/date_formats.h"
#include "corpus/known_cities.h"
#include "corpus/wp_content.h"
#include "corpus/wxr_item_internal.h"

namespace archive::corpus {
namespace {

std::string Trim(std::string_view text) {
  size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return "";
  return std::string(text.substr(begin, text.find_last_not_of(" \t\r\n") - begin + 1));
}

bool IsDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(),
                                      [](unsigned char c) { return std::isdigit(c) != 0; });
}

// Titles and excerpts may carry entities ("&#8217;") or a little markup; they are shown as
// plain text.
std::string PlainText(const std::string& text) {
  return LooksLikeHtml(text) ? HtmlToText(text) : Trim(text);
}

// WordPress writes "0000-00-00 00:00:00" for a post that never had a GMT date.
bool IsZeroDate(std::string_view value) { return value.starts_with("0000-00-00"); }

Status ReadDate(const WxrItem& item, std::string& date) {
  std::string gmt = Trim(item.post_date_gmt);
  if (!gmt.empty() && !IsZeroDate(gmt)) {
    date = ParseDate(gmt);
    if (date.empty())
      return Status::InvalidArgument("wp:post_date_gmt: \"" + gmt.substr(0, 40) +
                                     "\" is not YYYY-MM-DD HH:MM:SS");
    return Status::Ok();
  }
  std::string pub = Trim(item.pub_date);
  if (pub.empty()) return Status::Ok();
  date = ParseRfc822Date(pub);
  if (date.empty())
    return Status::InvalidArgument("pubDate: \"" + pub.substr(0, 40) + "\" is not an RFC 822 date");
  return Status::Ok();
}

void ReadTerms(const WxrItem& item, Article& article) {
  for (const auto& [domain, name] : item.terms) {
    std::string value = PlainText(name);
    if (domain == "category" && value != "Uncategorized") {
      article.topics.push_back(value);
    } else if (domain == "post_tag") {
      std::string city = CanonicalCity(value);
      if (!city.empty()) article.cities.push_back(city);
    }
  }
}

}  // namespace

std::string WxrSkipReason(const WxrItem& item) {
  std::string id = "wp-" + Trim(item.post_id);
  std::string type = Trim(item.post_type);
  std::string status = Trim(item.status);
  if (type != "post" && type != "page") return (type.empty() ? "no post type" : type) + ": " + id;
  if (status == "future") return "scheduled: " + id;
  if (status != "publish") return (status.empty() ? "no status" : status) + ": " + id;
  if (!item.password.empty()) return "password-protected: " + id;
  return "";
}

StatusOr<Article> WxrItemToArticle(const WxrItem& item, const WxrAuthorNames& authors,
                                   const ReaderOptions& options) {
  std::string post_id = Trim(item.post_id);
  if (post_id.empty()) return Status::InvalidArgument("wp:post_id: missing");
  if (!IsDigits(post_id))
    return Status::InvalidArgument("wp:post_id: \"" + post_id.substr(0, 40) + "\" is not a number");
  Article article;
  article.id = "wp-" + post_id;
  article.title = PlainText(item.title);
  if (article.title.empty()) return Status::InvalidArgument("title: empty");
  article.body = CleanWordPressContent(item.content);
  article.summary = PlainText(CleanWordPressContent(item.excerpt));
  article.url = Trim(item.link);
  ARCHIVE_RETURN_IF_ERROR(ReadDate(item, article.date));
  std::string login = Trim(item.creator);
  auto author = authors.find(login);
  article.authors.push_back(author != authors.end() ? author->second : login);
  ReadTerms(item, article);
  ARCHIVE_RETURN_IF_ERROR(FinishArticle(article, options));
  return article;
}

}  // namespace archive::corpus
