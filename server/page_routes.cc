#include "server/page_routes.h"

#include <chrono>

#include "server/archive_codec.h"
#include "server/json_codec.h"
#include "server/page_render.h"
#include "server/reply.h"
#include "server/search_routes.h"

namespace archive::server {
namespace assets {
extern const std::string_view kSearchPageHtml;
extern const std::string_view kAppJs;
extern const std::string_view kStyleCss;
extern const std::string_view kWidgetJs;
}  // namespace assets

namespace {

constexpr const char* kHtmlType = "text/html; charset=utf-8";
// text/* so that cpp-httplib compresses it; text/javascript is the registered type.
constexpr const char* kJsType = "text/javascript; charset=utf-8";

// /search: the same decoding and search as GET /api/search, answered in HTML. The
// highlight markup is the page's own: a link must not be able to put markup into it.
void HandleResultsPage(ServingState& state, const httplib::Request& request,
                       httplib::Response& response) {
  const auto started = std::chrono::steady_clock::now();
  response.set_header("Cache-Control", "no-cache");
  // A link's highlight parameters are ignored, not refused: the page's markup is its own.
  httplib::Params params = request.params;
  params.erase("highlight_pre");
  params.erase("highlight_post");
  StatusOr<SearchCall> call = DecodeSearchParams(params);
  if (!call.ok()) {
    response.status = 400;
    const std::string message = call.status().message();
    return response.set_content(RenderResultsPage({request.params, nullptr, nullptr, message}),
                                kHtmlType);
  }
  query::SearchRequest& search = call->request;
  search.highlight_pre = "<mark>";
  search.highlight_post = "</mark>";
  search.escape_html = true;
  search.facet_names = {"topic", "city"};
  search.want_facets = true;
  StatusOr<query::SearchResult> result = RunSearch(state, search);
  if (!result.ok()) {
    response.status = ToHttpError(result.status().code()).http_status;
    const std::string message = response.status >= 500 && response.status != 503
                                    ? "The search failed; please try again later."
                                    : result.status().message();
    return response.set_content(RenderResultsPage({request.params, nullptr, nullptr, message}),
                                kHtmlType);
  }
  const double took_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  response.set_content(RenderResultsPage({request.params, &search, &result.value(), "", took_ms}),
                       kHtmlType);
}

// /article/{id}: the page's document with the article already in it, so that it reads
// without JavaScript too (the script then takes the view over). When the article cannot
// be had, the plain document says why through the script (404 for an unknown id).
void HandleArticlePage(const ServingState& state, const httplib::Request& request,
                       httplib::Response& response) {
  response.set_header("Cache-Control", "no-cache");
  const std::string id = request.matches[1];
  StatusOr<query::ArticleRecord> record = Status::NotFound("invalid id");
  if (ValidateArticleId(id).ok()) record = state.searcher.Fetch(id);
  if (!record.ok()) {
    response.status = ToHttpError(record.status().code()).http_status;
    return response.set_content(assets::kSearchPageHtml.data(), assets::kSearchPageHtml.size(),
                                kHtmlType);
  }
  const Article& article = record->article;
  const std::string view = RenderArticleView(article, request.get_param_value("q"));
  response.set_content(WithArticleView(assets::kSearchPageHtml, article.title, view), kHtmlType);
}

}  // namespace

void ServeEmbedded(httplib::Server& server, const RouteSpec& route, std::string_view content,
                   const char* content_type) {
  const std::string etag = WeakETag(Fingerprint(content));
  server.Get(
      RoutePattern(route.path),
      [etag, content, content_type](const httplib::Request& request, httplib::Response& response) {
        response.set_header("ETag", etag);
        response.set_header("Cache-Control", "public, max-age=300");
        if (IfNoneMatchHits(request, etag)) {
          response.status = 304;
          return;
        }
        response.set_content(content.data(), content.size(), content_type);
      });
}

void RegisterPageRoutes(httplib::Server& server, ServingState& state) {
  for (const RouteSpec* route : {&kPageRoute, &kIssuesPageRoute, &kIssuePageRoute})
    ServeEmbedded(server, *route, assets::kSearchPageHtml, kHtmlType);
  ServeEmbedded(server, kAppJsRoute, assets::kAppJs, kJsType);
  ServeEmbedded(server, kStyleRoute, assets::kStyleCss, "text/css; charset=utf-8");
  ServeEmbedded(server, kWidgetRoute, assets::kWidgetJs, kJsType);
  server.Get(RoutePattern(kArticlePageRoute.path),
             [&state](const httplib::Request& request, httplib::Response& response) {
               HandleArticlePage(state, request, response);
             });
  server.Get(std::string(kResultsPageRoute.path),
             [&state](const httplib::Request& request, httplib::Response& response) {
               HandleResultsPage(state, request, response);
             });
}

}  // namespace archive::server
