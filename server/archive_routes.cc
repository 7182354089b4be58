#include "server/archive_routes.h"

#include "server/archive_codec.h"
#include "server/reply.h"

namespace archive::server {
namespace {

using Handler = void (*)(const ServingState&, const httplib::Request&, httplib::Response&);

void HandleSuggest(const ServingState& state, const httplib::Request& request,
                   httplib::Response& response) {
  StatusOr<SuggestCall> call = DecodeSuggestParams(request.params);
  if (!call.ok()) return SendStatusError(response, call.status());
  StatusOr<query::Suggestions> found = state.searcher.Suggest(call->text, call->limit);
  if (!found.ok()) return SendStatusError(response, found.status());
  SendIndexedJson(request, response, found->state.generation, found->state.revision,
                  EncodeSuggestions(*call, *found));
}

void HandleArticle(const ServingState& state, const httplib::Request& request,
                   httplib::Response& response) {
  const std::string id = request.matches[1];
  Status valid = ValidateArticleId(id);
  if (!valid.ok()) return SendStatusError(response, valid);
  StatusOr<query::ArticleRecord> record = state.searcher.Fetch(id);
  if (!record.ok()) return SendStatusError(response, record.status());
  SendIndexedJson(request, response, record->state.generation, record->state.revision,
                  EncodeArticle(*record));
}

void HandleSimilar(const ServingState& state, const httplib::Request& request,
                   httplib::Response& response) {
  StatusOr<SearchCall> call = DecodeSimilarParams(request.matches[1], request.params);
  if (!call.ok()) return SendStatusError(response, call.status());
  StatusOr<query::SearchResult> result = state.searcher.Search(call->request);
  if (!result.ok()) return SendStatusError(response, result.status());
  SendIndexedJson(
      request, response, result->generation, result->revision,
      call->ids_only ? EncodeSearchIds(*result) : EncodeSearchResult(call->request, *result, 0));
}

void HandleIssues(const ServingState& state, const httplib::Request& request,
                  httplib::Response& response) {
  StatusOr<query::IssueList> list = state.searcher.Issues();
  if (!list.ok()) return SendStatusError(response, list.status());
  SendIndexedJson(request, response, list->state.generation, list->state.revision,
                  EncodeIssues(*list));
}

void HandleIssue(const ServingState& state, const httplib::Request& request,
                 httplib::Response& response) {
  StatusOr<int> number = DecodeIssueNumber(request.matches[1]);
  if (!number.ok()) return SendStatusError(response, number.status());
  StatusOr<query::IssueContents> contents = state.searcher.Issue(*number);
  if (!contents.ok()) return SendStatusError(response, contents.status());
  SendIndexedJson(request, response, contents->state.generation, contents->state.revision,
                  EncodeIssue(*contents));
}

void HandleFacets(const ServingState& state, const httplib::Request& request,
                  httplib::Response& response) {
  StatusOr<query::SearchRequest> search = DecodeFacetsParams(request.params);
  if (!search.ok()) return SendStatusError(response, search.status());
  StatusOr<query::SearchResult> result = state.searcher.Search(*search);
  if (!result.ok()) return SendStatusError(response, result.status());
  SendIndexedJson(request, response, result->generation, result->revision, EncodeFacets(*result));
}

}  // namespace

void RegisterArchiveRoutes(httplib::Server& server, ServingState& state) {
  const std::pair<const RouteSpec&, Handler> routes[] = {
      {kSuggestRoute, HandleSuggest}, {kArticleRoute, HandleArticle},
      {kSimilarRoute, HandleSimilar}, {kIssuesRoute, HandleIssues},
      {kIssueRoute, HandleIssue},     {kFacetsRoute, HandleFacets}};
  for (const auto& [route, handler] : routes) {
    server.Get(RoutePattern(route.path),
               [&state, handler](const httplib::Request& request, httplib::Response& response) {
                 handler(state, request, response);
               });
  }
}

}  // namespace archive::server
