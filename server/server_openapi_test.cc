// The OpenAPI document (server/openapi.json, served at /api/openapi.json) against real
// responses: every documented path and method answers with a documented status, and
// bodies match the documented schemas.
#include "server/error_mapping.h"
#include "server/testing/json_schema_check.h"
#include "server/testing/server_fixture.h"

namespace archive::server::test {
namespace {

class ServerOpenApiTest : public ServerFixture {
 protected:
  void SetUp() override {
    ServerFixture::SetUp();
    spec_ = GetJson("/api/openapi.json");
    ASSERT_TRUE(spec_.is_object());
  }

  // The documented schema of `method path` answering `status` with JSON.
  const json& ResponseSchema(const std::string& path, const std::string& method, int status) {
    return spec_["paths"][path][method]["responses"][std::to_string(status)]["content"]
                ["application/json"]["schema"];
  }

  void ExpectConforms(const httplib::Result& result, const std::string& path,
                      const std::string& method) {
    ASSERT_TRUE(result) << method << " " << path;
    const json& schema = ResponseSchema(path, method, result->status);
    ASSERT_TRUE(schema.is_object())
        << method << " " << path << " " << result->status << " is undocumented";
    const Problems problems = CheckSchema(json::parse(result->body), schema, spec_);
    EXPECT_TRUE(problems.empty()) << method << " " << path << " " << result->status << ": "
                                  << json(problems).dump();
  }

  json spec_;
};

TEST_F(ServerOpenApiTest, EveryDocumentedPathAnswersWithADocumentedStatus) {
  ASSERT_EQ("3.0.3", spec_["openapi"]);
  for (const auto& [path, item] : spec_["paths"].items()) {
    httplib::Client client = item.value("x-admin", false) ? AdminClient() : Client();
    for (const auto& [method, operation] : item.items()) {
      if (method.starts_with("x-")) continue;
      httplib::Result result = method == "post"      ? client.Post(path, "{}", "application/json")
                               : method == "options" ? client.Options(path)
                                                     : client.Get(path);
      ASSERT_TRUE(result) << method << " " << path;
      EXPECT_TRUE(operation["responses"].contains(std::to_string(result->status)))
          << method << " " << path << " answered " << result->status;
    }
  }
}

TEST_F(ServerOpenApiTest, SearchResponsesMatchTheirSchemas) {
  httplib::Client client = Client();
  ExpectConforms(client.Get("/api/search?q=rent"), "/api/search", "get");
  ExpectConforms(client.Get("/api/search?facets=topic,city,year,author,issue"), "/api/search",
                 "get");
  ExpectConforms(client.Get("/api/search?format=ids"), "/api/search", "get");
  ExpectConforms(client.Get("/api/search?page=0"), "/api/search", "get");
  ExpectConforms(client.Post("/api/search", R"({"q": "strike"})", "application/json"),
                 "/api/search", "post");
  ExpectConforms(client.Post("/api/search", "[", "application/json"), "/api/search", "post");
  ExpectConforms(client.Post("/api/search", "{}", "text/plain"), "/api/search", "post");
}

TEST_F(ServerOpenApiTest, OperationalResponsesMatchTheirSchemas) {
  ExpectConforms(Client().Get("/healthz"), "/healthz", "get");
  ExpectConforms(Client().Get("/readyz"), "/readyz", "get");
  ExpectConforms(AdminClient().Get("/api/stats"), "/api/stats", "get");
}

TEST_F(ServerOpenApiTest, BrowsingAndResearchResponsesMatchTheirSchemas) {
  httplib::Client client = Client();
  const std::pair<std::string, std::string> calls[] = {
      {"/api/suggest?q=rent%20c", "/api/suggest"},
      {"/api/suggest?limit=0", "/api/suggest"},
      {"/api/articles/a1", "/api/articles/{id}"},
      {"/api/articles/nope", "/api/articles/{id}"},
      {"/api/articles/a1/similar", "/api/articles/{id}/similar"},
      {"/api/articles/a1/similar?format=ids", "/api/articles/{id}/similar"},
      {"/api/issues", "/api/issues"},
      {"/api/issues/1", "/api/issues/{number}"},
      {"/api/facets", "/api/facets"},
      {"/api/histogram?q=rent&split=topic", "/api/histogram"},
      {"/api/kwic?q=strike", "/api/kwic"},
      {"/api/export?format=xml", "/api/export"},
  };
  for (const auto& [url, path] : calls) ExpectConforms(client.Get(url), path, "get");
}

TEST_F(ServerOpenApiTest, EveryErrorCodeIsDocumented) {
  const json& codes =
      spec_["components"]["schemas"]["Error"]["properties"]["error"]["properties"]["code"]["enum"];
  for (int i = 0; i <= static_cast<int>(ApiError::kInternal); ++i) {
    const std::string code(ToHttpError(static_cast<ApiError>(i)).code);
    EXPECT_NE(codes.end(), std::find(codes.begin(), codes.end(), code)) << code;
  }
  // And any error body, such as an unknown route's, is an Error.
  httplib::Result missing = Client().Get("/nowhere");
  ASSERT_TRUE(missing);
  EXPECT_TRUE(
      CheckSchema(json::parse(missing->body), {{"$ref", "#/components/schemas/Error"}}, spec_)
          .empty());
}

TEST(JsonSchemaCheckTest, FindsWhatIsWrong) {
  const json root = {{"components",
                      {{"schemas",
                        {{"T",
                          {{"type", "object"},
                           {"required", {"a", "b"}},
                           {"properties",
                            {{"a", {{"type", "integer"}}},
                             {"b", {{"type", "string"}, {"nullable", true}}},
                             {"c", {{"type", "array"}, {"items", {{"enum", {"x"}}}}}}}}}}}}}}};
  const json ref = {{"$ref", "#/components/schemas/T"}};
  EXPECT_TRUE(CheckSchema(json{{"a", 1}, {"b", nullptr}, {"c", {"x"}}}, ref, root).empty());
  EXPECT_EQ(1u, CheckSchema(json{{"a", 1.5}, {"b", "s"}}, ref, root).size());
  EXPECT_EQ(1u, CheckSchema(json{{"a", 1}}, ref, root).size());
  EXPECT_EQ(1u, CheckSchema(json{{"a", 1}, {"b", "s"}, {"c", {"y"}}}, ref, root).size());
  EXPECT_EQ(1u, CheckSchema(json{{"a", nullptr}, {"b", "s"}}, ref, root).size());
}

}  // namespace
}  // namespace archive::server::test
