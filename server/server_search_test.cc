// /api/search parameters and the JSON POST, against the real server: each parameter,
// each limit, and hostile bodies that must yield a 4xx, never a 5xx.
#include "server/json_codec.h"
#include "server/testing/server_fixture.h"

namespace archive::server::test {
namespace {

using ServerSearchTest = ServerFixture;

std::vector<std::string> Ids(const json& body) {
  std::vector<std::string> ids;
  for (const json& hit : body["hits"]) ids.push_back(hit["id"]);
  return ids;
}

TEST_F(ServerSearchTest, FormatIdsReturnsOrderedIdsAndTotal) {
  json body = GetJson("/api/search?q=&sort=oldest&format=ids");
  EXPECT_EQ(json({"a1", "a2", "a3"}), body["ids"]);
  EXPECT_EQ(3, body["total"]);
  EXPECT_FALSE(body.contains("hits"));
  EXPECT_FALSE(body.contains("facets"));
}

TEST_F(ServerSearchTest, PagingSortingAndDates) {
  json page2 = GetJson("/api/search?sort=oldest&per_page=2&page=2");
  EXPECT_EQ(std::vector<std::string>{"a3"}, Ids(page2));
  EXPECT_EQ(2, page2["page"]);
  EXPECT_EQ(2, page2["per_page"]);
  EXPECT_EQ(10, GetJson("/api/search")["per_page"]);
  EXPECT_EQ(std::vector<std::string>({"a2", "a3"}),
            Ids(GetJson("/api/search?from=2020&sort=oldest")));
  EXPECT_EQ(std::vector<std::string>{"a2"}, Ids(GetJson("/api/search?from=2020-01&to=2020-01-31")));
  EXPECT_EQ(std::vector<std::string>{"a1"}, Ids(GetJson("/api/search?to=2019")));
  EXPECT_EQ(std::vector<std::string>({"a3", "a2"}),
            Ids(GetJson("/api/search?topic=Labor&city=Boston&city=Seattle&sort=newest")));
}

TEST_F(ServerSearchTest, FacetsParameterChoosesFacets) {
  json years = GetJson("/api/search?facets=year");
  EXPECT_EQ(1u, years["facets"].size());
  EXPECT_TRUE(years["facets"].contains("year"));
  EXPECT_EQ(json::object(), GetJson("/api/search?facets=")["facets"]);
  json both = GetJson("/api/search?facets=topic,%20city");
  EXPECT_TRUE(both["facets"].contains("topic"));
  EXPECT_TRUE(both["facets"].contains("city"));
  json error = GetJson("/api/search?facets=topic,colour", 400);
  EXPECT_NE(std::string::npos, error["error"]["message"].get<std::string>().find("colour"));
}

TEST_F(ServerSearchTest, HighlightMarkupIsTheCallers) {
  json body = GetJson("/api/search?q=sawant&highlight_pre=%3Cb%3E&highlight_post=%3C/b%3E");
  EXPECT_NE(std::string::npos,
            body["hits"][0]["snippet"].get<std::string>().find("<b>Sāwant’s</b>"));
  GetJson("/api/search?highlight_pre=" + std::string(kMaxHighlightBytes + 1, 'x'), 400);
}

TEST_F(ServerSearchTest, StrictIsAFlag) {
  // Without stemming "strikes" finds no more than with it.
  EXPECT_LE(GetJson("/api/search?q=strikes&strict=1")["total"],
            GetJson("/api/search?q=strikes&strict=false")["total"]);
  GetJson("/api/search?q=strike&strict=maybe", 400);
}

TEST_F(ServerSearchTest, LimitsAre400NamingTheParameter) {
  const std::pair<std::string, std::string> cases[] = {
      {"per_page=0", "per_page:"},
      {"per_page=101", "per_page:"},
      {"page=0", "page:"},
      {"page=101&per_page=100", "page:"},
      {"page=99999999999999999999", "page:"},
      {"sort=random", "sort:"},
      {"from=2020-13", "from:"},
      {"from=2020&to=2019", "from:"},
      {"format=xml", "format:"},
      {"q=" + std::string(kMaxQueryBytes + 1, 'q'), "q:"},
      {"topic=" + std::string(kMaxFilterValueBytes + 1, 't'), "topic:"},
  };
  for (const auto& [query, prefix] : cases) {
    json body = GetJson("/api/search?" + query, 400);
    EXPECT_EQ("invalid_parameter", body["error"]["code"]) << query;
    EXPECT_TRUE(body["error"]["message"].get<std::string>().starts_with(prefix))
        << query << " -> " << body;
  }
  std::string many;
  for (size_t i = 0; i <= kMaxFilterValues; ++i) many += "city=c" + std::to_string(i) + "&";
  GetJson("/api/search?" + many, 400);
}

TEST_F(ServerSearchTest, PostTakesTheSameFieldsAsJson) {
  json body = PostJson(R"({"q": "rent", "topic": ["Housing"], "sort": "oldest", "page": 1,
                           "per_page": 5, "facets": ["city"], "strict": false,
                           "highlight_pre": "[", "highlight_post": "]", "city": null})");
  EXPECT_EQ(std::vector<std::string>({"a1", "a3"}), Ids(body));
  EXPECT_EQ(5, body["per_page"]);
  EXPECT_EQ(1u, body["facets"].size());
  EXPECT_NE(std::string::npos, body["hits"][0]["snippet"].get<std::string>().find("[rent]"));
  EXPECT_EQ(json({"a3", "a2"}), PostJson(R"({"topic": "Labor", "format": "ids"})")["ids"]);
}

TEST_F(ServerSearchTest, PostNeedsJsonContentType) {
  httplib::Result result = Client().Post("/api/search", R"({"q":"x"})", "text/plain");
  ASSERT_TRUE(result);
  EXPECT_EQ(415, result->status);
  EXPECT_EQ("unsupported_media_type", json::parse(result->body)["error"]["code"]);
  result = Client().Post("/api/search", R"({"q":"x"})", "application/json; charset=utf-8");
  ASSERT_TRUE(result);
  EXPECT_EQ(200, result->status);
}

TEST_F(ServerSearchTest, MalformedBodiesAreInvalidJson) {
  const std::string bodies[] = {"",
                                "{",
                                "{\"q\": }",
                                "[1, 2]",
                                "\"q\"",
                                "42",
                                "null",
                                "{\"q\": \"\xff\xfe\"}",
                                "{\"q\": \"x\"} trailing",
                                "{\"page\": 1e400}",
                                std::string(10000, '[') + std::string(10000, ']')};
  for (const std::string& body : bodies) {
    json error = PostJson(body, 400);
    EXPECT_EQ("invalid_json", error["error"]["code"]) << body.substr(0, 40);
    EXPECT_FALSE(error["error"]["message"].get<std::string>().empty());
  }
  // The message names where the problem is.
  EXPECT_NE(std::string::npos,
            PostJson("{\"q\": }", 400)["error"]["message"].get<std::string>().find("column"));
}

TEST_F(ServerSearchTest, WrongTypesAndUnknownFieldsAreInvalidParameters) {
  const std::pair<std::string, std::string> cases[] = {
      {R"({"q": 1})", "q:"},
      {R"({"q": ["a"]})", "q:"},
      {R"({"page": "2"})", "page:"},
      {R"({"page": 2.5})", "page:"},
      {R"({"page": -1})", "page:"},
      {R"({"page": 18446744073709551615})", "page:"},
      {R"({"per_page": 99999999999999999999999})", "per_page:"},
      {R"({"topic": [1, 2]})", "topic:"},
      {R"({"topic": {"a": 1}})", "topic:"},
      {R"({"strict": "yes"})", "strict:"},
      {R"({"facets": ["topic", "nope"]})", "facets:"},
      {R"({"limit": 10})", "unknown field"},
  };
  for (const auto& [body, prefix] : cases) {
    json error = PostJson(body, 400);
    EXPECT_EQ("invalid_parameter", error["error"]["code"]) << body;
    EXPECT_TRUE(error["error"]["message"].get<std::string>().starts_with(prefix))
        << body << " -> " << error;
  }
}

TEST_F(ServerSearchTest, OversizedBodyIs413) {
  // Sent by hand: the server answers after the headers, before reading a megabyte.
  httplib::Result result = Client().Post(
      "/api/search", "{\"q\": \"" + std::string(1 << 20, 'a') + "\"}", "application/json");
  ASSERT_TRUE(result) << httplib::to_string(result.error());
  EXPECT_EQ(413, result->status);
  EXPECT_EQ("payload_too_large", json::parse(result->body)["error"]["code"]);
}

}  // namespace
}  // namespace archive::server::test
