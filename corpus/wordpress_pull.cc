#include "corpus/wordpress_pull.h"

#include <httplib.h>

#include <ctime>
#include <iomanip>
#include <nlohmann/json.hpp>
#include <sstream>
#include <utility>

#include "corpus/metadata_deriver.h"
#include "corpus/wp_rest_reader.h"

namespace archive::corpus {
namespace {

using json = nlohmann::json;

constexpr int kMaxPages = 100000;  // a runaway pager stops here rather than loop forever

struct SiteAddress {
  std::string origin;     // "https://example.org:8443"
  std::string rest_root;  // "/blog/wp-json"
};

StatusOr<SiteAddress> ParseSiteUrl(std::string url) {
  size_t scheme_end = url.find("://");
  if (scheme_end == std::string::npos ||
      (url.compare(0, scheme_end, "http") != 0 && url.compare(0, scheme_end, "https") != 0))
    return Status::InvalidArgument("--wordpress: '" + url + "' is not an http(s) URL");
  size_t path_start = url.find('/', scheme_end + 3);
  SiteAddress site;
  site.origin = url.substr(0, path_start);
  std::string path = path_start == std::string::npos ? "" : url.substr(path_start);
  while (!path.empty() && path.back() == '/') path.pop_back();
  if (site.origin.size() == scheme_end + 3)
    return Status::InvalidArgument("--wordpress: '" + url + "' names no host");
  const std::string rest_suffix = "/wp-json";
  bool is_rest_root =
      path.size() >= rest_suffix.size() &&
      path.compare(path.size() - rest_suffix.size(), rest_suffix.size(), rest_suffix) == 0;
  site.rest_root = is_rest_root ? path : path + rest_suffix;
  return site;
}

// WordPress reads modified_after in the site's own time zone, while the cursor is the GMT
// modification time; asking from a day earlier covers every time zone, and the posts
// fetched twice are recognised as unchanged by their content hash.
std::string OneDayBefore(const std::string& iso_time) {
  std::tm parsed{};
  std::istringstream in(iso_time);
  in >> std::get_time(&parsed, "%Y-%m-%dT%H:%M:%S");
  if (in.fail()) return "";
  time_t seconds = timegm(&parsed) - 24 * 60 * 60;
  std::tm earlier{};
  gmtime_r(&seconds, &earlier);
  std::ostringstream out;
  out << std::put_time(&earlier, "%Y-%m-%dT%H:%M:%S");
  return out.str();
}

class RestClient {
 public:
  RestClient(const SiteAddress& site, const WordPressPullOptions& pull)
      : site_(site), client_(site.origin) {
    client_.set_connection_timeout(pull.timeout);
    client_.set_read_timeout(pull.timeout);
    client_.set_follow_location(true);
    size_t colon = pull.auth.find(':');
    if (colon != std::string::npos)
      client_.set_basic_auth(pull.auth.substr(0, colon), pull.auth.substr(colon + 1));
  }

  struct Page {
    std::string body;
    json items;
    int total_pages = 0;  // 0 when the site does not say
  };

  // One page of /wp/v2/posts: a JSON array, or an error naming the URL.
  StatusOr<Page> GetPosts(httplib::Params params, int page_number) {
    params.emplace("page", std::to_string(page_number));
    const std::string path = site_.rest_root + "/wp/v2/posts";
    const std::string where =
        site_.origin + path + "?" + httplib::detail::params_to_query_str(params);
    ++requests_;
    httplib::Result result = client_.Get(path, params, httplib::Headers{});
    if (!result)
      return Status::Unavailable("GET " + where + ": " + httplib::to_string(result.error()));
    if (result->status != 200)
      return Status::Unavailable("GET " + where + ": HTTP " + std::to_string(result->status));
    Page page;
    page.body = std::move(result->body);
    page.items = json::parse(page.body, nullptr, /*allow_exceptions=*/false);
    if (!page.items.is_array())
      return Status::Corruption("GET " + where + ": the answer is not a JSON array of posts");
    std::string total = result->get_header_value("X-WP-TotalPages");
    if (!total.empty() && total.find_first_not_of("0123456789") == std::string::npos &&
        total.size() < 7)
      page.total_pages = std::stoi(total);
    return page;
  }

  int requests() const { return requests_; }

 private:
  const SiteAddress& site_;
  httplib::Client client_;
  int requests_ = 0;
};

// Calls `each_page` for every page of posts matching `params`, in order.
template <typename EachPage>
Status ForEachPage(RestClient& client, const httplib::Params& params, int per_page,
                   EachPage each_page) {
  for (int number = 1; number <= kMaxPages; ++number) {
    StatusOr<RestClient::Page> page = client.GetPosts(params, number);
    if (!page.ok()) return page.status();
    ARCHIVE_RETURN_IF_ERROR(each_page(*page, number));
    bool last = page->total_pages > 0 ? number >= page->total_pages
                                      : page->items.size() < static_cast<size_t>(per_page);
    if (last) return Status::Ok();
  }
  return Status::Unavailable("more than " + std::to_string(kMaxPages) + " pages of posts");
}

Status FetchChangedPosts(RestClient& client, const WordPressPullOptions& pull,
                         const ReaderOptions& reading, WordPressChanges& changes) {
  StatusOr<MetadataDeriver> deriver = MetadataDeriver::Create(reading.derivation);
  if (!deriver.ok()) return deriver.status();
  SourceCallbacks callbacks;
  callbacks.on_article = [&](Article&& article) {
    if (reading.derive_metadata) deriver->Derive(&article);
    changes.articles.push_back(std::move(article));
  };
  callbacks.on_reject = [&](const Rejection& rejection) {
    changes.rejections.push_back(rejection);
  };
  callbacks.on_skip = [&](const Rejection& skip) { changes.skips.push_back(skip); };

  httplib::Params params{{"_embed", "1"},
                         {"per_page", std::to_string(pull.per_page)},
                         {"orderby", "modified"},
                         {"order", "asc"}};
  std::string since = OneDayBefore(pull.modified_after);
  if (!since.empty()) params.emplace("modified_after", since);
  changes.newest_modified = pull.modified_after;
  return ForEachPage(client, params, pull.per_page, [&](const RestClient::Page& page, int number) {
    for (const json& post : page.items) {
      auto modified = post.is_object() ? post.find("modified_gmt") : post.end();
      if (modified != post.end() && modified->is_string() &&
          modified->get<std::string>() > changes.newest_modified)
        changes.newest_modified = modified->get<std::string>();
    }
    std::string source = pull.site_url + " (changed posts, page " + std::to_string(number) + ")";
    return ReadWordPressRest(page.body, source, reading, callbacks);
  });
}

Status FetchPublishedIds(RestClient& client, const WordPressPullOptions& pull,
                         WordPressChanges& changes) {
  httplib::Params params{{"_fields", "id"}, {"per_page", std::to_string(pull.per_page)}};
  return ForEachPage(client, params, pull.per_page, [&](const RestClient::Page& page, int) {
    for (const json& post : page.items) {
      auto id = post.is_object() ? post.find("id") : post.end();
      if (id != post.end() && id->is_number_integer())
        changes.published_ids.insert("wp-" + std::to_string(id->get<int64_t>()));
    }
    return Status::Ok();
  });
}

}  // namespace

StatusOr<WordPressChanges> FetchWordPressChanges(const WordPressPullOptions& pull,
                                                 const ReaderOptions& reading) {
  StatusOr<SiteAddress> site = ParseSiteUrl(pull.site_url);
  if (!site.ok()) return site.status();
  RestClient client(*site, pull);
  WordPressChanges changes;
  ARCHIVE_RETURN_IF_ERROR(FetchChangedPosts(client, pull, reading, changes));
  ARCHIVE_RETURN_IF_ERROR(FetchPublishedIds(client, pull, changes));
  changes.requests = client.requests();
  return changes;
}

}  // namespace archive::corpus
