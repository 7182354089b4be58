#include "server/json_codec.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace archive::server {
namespace {

TEST(JsonCodecTest, DecodesEveryParameter) {
  Params params{{"q", "rent control"}, {"topic", "Housing"}, {"topic", "Labor"},
                {"city", "Seattle"},   {"from", "2016"},     {"to", "2017-02"},
                {"sort", "newest"},    {"page", "3"},        {"per_page", "20"},
                {"utm_source", "x"}};
  StatusOr<SearchCall> call = DecodeSearchParams(params);
  ASSERT_TRUE(call.ok()) << call.status().ToString();
  const query::SearchRequest* request = &call->request;
  EXPECT_EQ("rent control", request->query);
  EXPECT_EQ(std::vector<std::string>({"Housing", "Labor"}), request->topics);
  EXPECT_EQ(std::vector<std::string>({"Seattle"}), request->cities);
  EXPECT_EQ("2016-01-01", request->from_date);
  EXPECT_EQ("2017-02-31", request->to_date);
  EXPECT_EQ(query::SortOrder::kNewest, request->sort);
  EXPECT_EQ(40u, request->offset);
  EXPECT_EQ(20u, request->limit);
}

TEST(JsonCodecTest, DecodesAuthorLanguageAndIssueFilters) {
  StatusOr<SearchCall> call = DecodeSearchParams(
      {{"author", "Ana Ruiz"}, {"author", "Ben Cole"}, {"lang", "es"}, {"issue", "80..90"}});
  ASSERT_TRUE(call.ok()) << call.status().ToString();
  EXPECT_EQ(std::vector<std::string>({"Ana Ruiz", "Ben Cole"}), call->request.authors);
  EXPECT_EQ(std::vector<std::string>({"es"}), call->request.langs);
  EXPECT_EQ(80u, call->request.issue_from);
  EXPECT_EQ(90u, call->request.issue_to);

  StatusOr<SearchCall> one = DecodeSearchParams({{"issue", "87"}});
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(87u, one->request.issue_from);
  EXPECT_EQ(87u, one->request.issue_to);
  StatusOr<SearchCall> open = DecodeSearchParams({{"issue", "..12"}});
  ASSERT_TRUE(open.ok());
  EXPECT_EQ(0u, open->request.issue_from);
  EXPECT_EQ(12u, open->request.issue_to);

  for (const char* bad : {"", "..", "x", "0", "9..3", "1..2..3", "-4"}) {
    StatusOr<SearchCall> rejected = DecodeSearchParams({{"issue", bad}});
    EXPECT_FALSE(rejected.ok()) << bad;
    if (!rejected.ok()) {
      EXPECT_TRUE(rejected.status().message().starts_with("issue:")) << bad;
    }
  }
  EXPECT_FALSE(DecodeSearchParams({{"lang", "spanish"}}).ok());
}

TEST(JsonCodecTest, DefaultsBrowseTheFirstPage) {
  StatusOr<SearchCall> call = DecodeSearchParams({});
  ASSERT_TRUE(call.ok());
  const query::SearchRequest* request = &call->request;
  EXPECT_FALSE(call->ids_only);
  EXPECT_EQ("", request->query);
  EXPECT_EQ(0u, request->offset);
  EXPECT_EQ(10u, request->limit);
  EXPECT_EQ(query::SortOrder::kRelevance, request->sort);
  EXPECT_FALSE(request->ids_only);
}

TEST(JsonCodecTest, FormatIdsAsksForIdsOnly) {
  StatusOr<SearchCall> call = DecodeSearchParams({{"format", "ids"}, {"q", "strike"}});
  ASSERT_TRUE(call.ok());
  EXPECT_TRUE(call->ids_only);
  EXPECT_TRUE(call->request.ids_only);  // no stored text read
  EXPECT_FALSE(call->request.want_facets);
  EXPECT_EQ(0u, call->request.snippet_words);
}

struct BadCase {
  Params params;
  const char* message_prefix;
};

TEST(JsonCodecTest, RejectsBadParametersNamingThem) {
  const BadCase cases[] = {
      {{{"per_page", "0"}}, "per_page:"},
      {{{"per_page", "101"}}, "per_page:"},
      {{{"per_page", "ten"}}, "per_page:"},
      {{{"page", "-1"}}, "page:"},
      {{{"page", "1e3"}}, "page:"},
      {{{"page", "200"}, {"per_page", "100"}}, "page: page * per_page"},
      {{{"sort", "random"}}, "sort:"},
      {{{"from", "yesterday"}}, "from:"},
      {{{"to", "2016-1-1"}}, "to:"},
      {{{"q", std::string(kMaxQueryBytes + 1, 'a')}}, "q:"},
      {{{"q",
         [] {
           std::string many;
           for (size_t i = 0; i <= kMaxQueryWords; ++i) many += "w ";
           return many;
         }()}},
       "q: at most 64 words"},
  };
  for (const BadCase& c : cases) {
    StatusOr<SearchCall> request = DecodeSearchParams(c.params);
    ASSERT_FALSE(request.ok()) << c.message_prefix;
    EXPECT_EQ(StatusCode::kInvalidArgument, request.status().code());
    EXPECT_TRUE(request.status().message().starts_with(c.message_prefix))
        << request.status().message();
  }
}

TEST(JsonCodecTest, EncodesResultAndErrors) {
  query::SearchRequest request;
  request.query = "strike";
  request.offset = 10;
  request.limit = 10;
  query::SearchResult result;
  result.total = 11;
  result.total_is_exact = true;
  result.generation = 2;
  result.revision = 5;
  query::Hit hit;
  hit.id = "a";
  hit.title = "Strike \xff wins";  // invalid UTF-8 must not throw
  hit.issue = 0;
  result.hits.push_back(hit);
  result.facets["topic"] = {{"Labor", 7}};
  nlohmann::json body = nlohmann::json::parse(EncodeSearchResult(request, result, 1.5));
  EXPECT_EQ(2, body["page"]);
  EXPECT_EQ(11, body["total"]);
  EXPECT_TRUE(body["hits"][0]["issue"].is_null());
  EXPECT_EQ("Labor", body["facets"]["topic"][0]["value"]);
  EXPECT_EQ(7, body["facets"]["topic"][0]["count"]);
  EXPECT_EQ(5, body["revision"]);
  EXPECT_TRUE(body["suggestion"].is_null());
  EXPECT_TRUE(body["corrected_query"].is_null());
  EXPECT_EQ(nlohmann::json::array(), body["facets_estimated"]);

  nlohmann::json error = nlohmann::json::parse(EncodeError("invalid_parameter", "page: \"x\""));
  EXPECT_EQ("invalid_parameter", error["error"]["code"]);
  EXPECT_EQ("page: \"x\"", error["error"]["message"]);
}

}  // namespace
}  // namespace archive::server
