// Security checks against the real server on loopback: hostile strings through index ->
// search -> snippet -> JSON and the page; Content-Type and nosniff on every response;
// CORS for allow-listed origins only; article fetch by validated id only; unpublished
// WordPress posts never searchable; admin routes closed on the public port.
#include <gtest/gtest.h>
#include <httplib.h>

#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <regex>
#include <thread>

#include "corpus/wxr_reader.h"
#include "indexer/indexer.h"
#include "query/searcher.h"
#include "server/routes.h"
#include "tests/security/raw_http.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"

namespace archive::test {
namespace {

using nlohmann::json;

void AppendUtf8(uint32_t code, std::string& out) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

// One line of naughty_strings.txt, its escapes decoded (see the file's header).
std::string Decode(const std::string& line) {
  if (line.starts_with("HUGE:")) {
    const size_t colon = line.rfind(':');
    const std::string unit = Decode(line.substr(5, colon - 5));
    std::string out;
    for (int i = std::stoi(line.substr(colon + 1)); i > 0; --i) out += unit;
    return out;
  }
  std::string out;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] != '\\' || i + 1 == line.size()) {
      out += line[i];
      continue;
    }
    const char kind = line[++i];
    const auto hex = [&line, &i](size_t digits) {
      const uint32_t value =
          static_cast<uint32_t>(std::stoul(line.substr(i + 1, digits), nullptr, 16));
      i += digits;
      return value;
    };
    if (kind == 'n')
      out += '\n';
    else if (kind == 't')
      out += '\t';
    else if (kind == 'r')
      out += '\r';
    else if (kind == '0')
      out += '\0';
    else if (kind == 'x')
      out += static_cast<char>(hex(2));
    else if (kind == 'u')
      AppendUtf8(hex(4), out);
    else if (kind == 'U')
      AppendUtf8(hex(8), out);
    else
      out += kind;
  }
  return out;
}

std::vector<std::string> NaughtyStrings() {
  std::ifstream in("tests/security/naughty_strings.txt");
  std::vector<std::string> strings;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != '#') strings.push_back(Decode(line));
  }
  return strings;
}

std::string HtmlEscape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '&')
      out += "&amp;";
    else
      out += c;
  }
  return out;
}

// HTML that holds no markup but the highlight markers, and no bare '&'.
::testing::AssertionResult IsInertHtml(const std::string& html) {
  static const std::regex kMarkers("</?mark>");
  static const std::regex kEntity("&(amp|lt|gt|quot|#39|#x27|#34);");
  const std::string text = std::regex_replace(std::regex_replace(html, kMarkers, ""), kEntity, "");
  if (text.find_first_of("<>&") == std::string::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "markup left in: " << html.substr(0, 300);
}

void ExpectHeadersRight(const httplib::Result& result, const std::string& what) {
  ASSERT_TRUE(result) << what;
  EXPECT_EQ("nosniff", result->get_header_value("X-Content-Type-Options")) << what;
  if (!result->body.empty()) {
    const std::string type = result->get_header_value("Content-Type");
    EXPECT_TRUE(type == "application/json" || type.starts_with("text/html; charset=utf-8") ||
                type.starts_with("text/plain; version=0.0.4") || type == "application/x-ndjson" ||
                type.starts_with("text/csv"))
        << what << ": " << type;
  }
}

class SecurityChecksTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    strings_ = new std::vector<std::string>(NaughtyStrings());
    index_dir_ = new TempDir();
    std::vector<Article> articles;
    for (size_t i = 0; i < strings_->size(); ++i) {
      Article article;
      article.id = "n" + std::to_string(i);
      article.title = "Naughty " + (*strings_)[i];
      // Raw (parsed as HTML by the indexer) and escaped (so the markup is the text).
      article.body = "<p>naughty rent " + (*strings_)[i] + " council " +
                     HtmlEscape((*strings_)[i]) + " vote</p>";
      article.date = "2020-01-01";
      article.authors = {(*strings_)[i].substr(0, 100)};
      article.topics = {"Housing"};
      articles.push_back(article);
    }
    // The WordPress fixture: only its published, unprotected post may become searchable.
    corpus::SourceCallbacks callbacks;
    callbacks.on_article = [&articles](Article article) { articles.push_back(std::move(article)); };
    callbacks.on_reject = [](const corpus::Rejection&) {};
    callbacks.on_skip = [](const corpus::Rejection&) {};
    ASSERT_ARCHIVE_OK(corpus::ReadWxrFile("tests/security/testdata/visibility.xml", {}, callbacks));
    auto indexer = indexer::Indexer::Open({index_dir_->path()});
    ASSERT_ARCHIVE_OK(indexer);
    for (const Article& article : articles) ASSERT_ARCHIVE_OK((*indexer)->Add(article));
    ASSERT_ARCHIVE_OK((*indexer)->Commit());
    std::ofstream(index_dir_->Join("canary.txt")) << "CANARY-outside-the-store";
  }
  static void TearDownTestSuite() {
    delete index_dir_;
    delete strings_;
  }

  void SetUp() override {
    server::ServerOptions options;
    options.cors_origins = {"https://allowed.example"};
    options.admin_token = "correct-horse-battery-staple";
    Start(options);
  }
  void TearDown() override { Stop(); }

  void Start(server::ServerOptions options) {
    Stop();
    auto searcher = query::Searcher::Open({index_dir_->path()});
    ASSERT_ARCHIVE_OK(searcher);
    searcher_ = std::move(searcher).value();
    options.log_sink = [](std::string_view) {};
    state_ = std::make_unique<server::ServingState>(*searcher_, options);
    server_ = std::make_unique<httplib::Server>();
    server::ConfigureServer(*server_, state_->options);
    server::RegisterRoutes(*server_, *state_);
    port_ = server_->bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_->listen_after_bind(); });
    while (!server_->is_running()) std::this_thread::yield();
  }
  void Stop() {
    if (server_) server_->stop();
    if (thread_.joinable()) thread_.join();
  }
  httplib::Client Client() const { return httplib::Client("127.0.0.1", port_); }

  static inline std::vector<std::string>* strings_ = nullptr;
  static inline TempDir* index_dir_ = nullptr;
  std::unique_ptr<query::Searcher> searcher_;
  std::unique_ptr<server::ServingState> state_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = -1;
};

TEST_F(SecurityChecksTest, NaughtyStringsNeverComeBackAsMarkup) {
  ASSERT_GE(strings_->size(), 250u);
  httplib::Client client = Client();
  client.set_keep_alive(true);
  size_t hits_checked = 0;
  for (size_t i = 0; i < strings_->size(); ++i) {
    const std::string& text = (*strings_)[i];
    const std::string query = text.substr(0, 2000);  // the URI limit is 8 KiB
    httplib::Params params = {{"q", query}, {"per_page", "20"}};
    httplib::Result got = client.Get("/api/search", params, httplib::Headers());
    ExpectHeadersRight(got, "string " + std::to_string(i));
    if (!got) continue;
    EXPECT_TRUE(got->status == 200 || got->status == 400) << i << " -> " << got->status;
    json body = json::parse(got->body, nullptr, false);
    ASSERT_FALSE(body.is_discarded()) << i;
    for (const json& hit : body.value("hits", json::array())) {
      EXPECT_TRUE(IsInertHtml(hit.value("snippet", ""))) << "string " << i;
      EXPECT_TRUE(IsInertHtml(hit.value("title_highlighted", ""))) << "string " << i;
      ++hits_checked;
    }
    httplib::Result post = client.Post(
        "/api/search", json({{"q", query}}).dump(-1, ' ', false, json::error_handler_t::replace),
        "application/json");
    ExpectHeadersRight(post, "POST string " + std::to_string(i));
    if (post) {
      EXPECT_LT(post->status, 500) << i;
    }
    for (const char* path : {"/api/suggest", "/api/facets", "/api/kwic"}) {
      httplib::Result other = client.Get(path, {{"q", query}}, httplib::Headers());
      ExpectHeadersRight(other, std::string(path) + " string " + std::to_string(i));
      if (other) {
        EXPECT_LT(other->status, 500) << path << " " << i;
      }
    }
  }
  // Every article, found by its common words, page by page.
  for (int page = 1; page <= 20; ++page) {
    httplib::Result got =
        client.Get("/api/search?q=naughty+council&per_page=20&page=" + std::to_string(page));
    ASSERT_TRUE(got);
    json body = json::parse(got->body);
    for (const json& hit : body["hits"]) {
      EXPECT_TRUE(IsInertHtml(hit.value("snippet", ""))) << hit.value("id", "");
      EXPECT_TRUE(IsInertHtml(hit.value("title_highlighted", ""))) << hit.value("id", "");
      ++hits_checked;
    }
  }
  std::cout << strings_->size() << " hostile strings indexed and searched; " << hits_checked
            << " hits checked\n";
  RecordProperty("naughty_strings", static_cast<int>(strings_->size()));
  EXPECT_GT(hits_checked, strings_->size());
}

TEST_F(SecurityChecksTest, HighlightMarkersCannotCarryMarkup) {
  for (const char* marker :
       {"<img src=x onerror=alert(1)>", "<script>", "<mark onclick=x>",
        "<span class=\"a\" id=\"b\">", "\"><b>", "&lt;", "</span class=\"x\">"}) {
    httplib::Result got =
        Client().Get("/api/search", {{"q", "rent"}, {"highlight_pre", marker}}, httplib::Headers());
    ASSERT_TRUE(got);
    EXPECT_EQ(400, got->status) << marker;
  }
  for (const char* marker : {"<mark>", "<b>", "<span class=\"hit x-1\">", "[", "**"}) {
    httplib::Result got =
        Client().Get("/api/search", {{"q", "rent"}, {"highlight_pre", marker}}, httplib::Headers());
    ASSERT_TRUE(got);
    EXPECT_EQ(200, got->status) << marker;
  }
}

TEST_F(SecurityChecksTest, ThePageNeverEchoesTheQuery) {
  httplib::Result plain = Client().Get("/");
  ASSERT_TRUE(plain);
  for (const std::string& attack : {std::string("/?q=%3Cscript%3Ealert(1)%3C/script%3E"),
                                    std::string("/?q=%22%3E%3Cimg+src=x+onerror=alert(1)%3E")}) {
    httplib::Result got = Client().Get(attack);
    ExpectHeadersRight(got, attack);
    ASSERT_TRUE(got);
    EXPECT_EQ(plain->body, got->body) << attack;
    EXPECT_EQ(std::string::npos, got->body.find("onerror=alert(1)")) << attack;
  }
}

TEST_F(SecurityChecksTest, EveryResponseHasContentTypeAndNosniff) {
  const std::vector<std::pair<std::string, std::string>> requests = {
      {"GET", "/"},
      {"GET", "/api/openapi.json"},
      {"GET", "/healthz"},
      {"GET", "/readyz"},
      {"GET", "/api/search?q=rent"},
      {"GET", "/api/search?page=0"},
      {"POST", "/api/search"},
      {"GET", "/api/suggest?q=ren"},
      {"GET", "/api/articles/n1"},
      {"GET", "/api/articles/nope"},
      {"GET", "/api/articles/n1/similar"},
      {"GET", "/api/issues"},
      {"GET", "/api/issues/0"},
      {"GET", "/api/facets"},
      {"GET", "/api/histogram"},
      {"GET", "/api/kwic?q=rent"},
      {"GET", "/api/export?q=rent"},
      {"GET", "/metrics"},
      {"GET", "/api/stats"},
      {"GET", "/no/such/route"},
      {"PUT", "/api/search"},
      {"DELETE", "/x"},
      {"OPTIONS", "/api/search"},
      {"HEAD", "/api/search"},
      {"GET", "/api/search?q=" + std::string(9000, 'a')}};
  for (const auto& [method, path] : requests) {
    httplib::Request request;
    request.method = method;
    request.path = path;
    if (method == "POST") request.body = "{not json";
    if (method == "POST") request.set_header("Content-Type", "application/json");
    ExpectHeadersRight(Client().send(request), method + " " + path);
  }
  // Refusals made before routing, from raw requests.
  for (const std::string& raw :
       {std::string("POST /api/search HTTP/1.1\r\nHost: a\r\nContent-Length: 9999999\r\n"
                    "Connection: close\r\n\r\n"),
        std::string("POST /api/search HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n"
                    "Connection: close\r\n\r\n0\r\n\r\n"),
        std::string("GET /api/search HTTP/1.1\r\nHost: a\r\n") +
            [] {
              std::string many;
              for (int i = 0; i < 100; ++i) many += "X-" + std::to_string(i) + ": 1\r\n";
              return many;
            }() +
            "Connection: close\r\n\r\n",
        std::string("BREW /api/search HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")}) {
    RawResponse response = Exchange(port_, raw);
    EXPECT_GE(response.status, 400) << raw.substr(0, 60);
    EXPECT_NE(std::string::npos, response.head.find("X-Content-Type-Options: nosniff"))
        << response.head;
    EXPECT_NE(std::string::npos, response.head.find("Content-Type: application/json"))
        << response.head;
  }
}

TEST_F(SecurityChecksTest, CorsOnlyForAllowListedOrigins) {
  for (const char* origin : {"https://evil.example", "null", "https://allowed.example.evil.com",
                             "http://allowed.example", "https://ALLOWED.example"}) {
    httplib::Result got = Client().Get("/api/search", {{"Origin", origin}});
    ASSERT_TRUE(got);
    EXPECT_FALSE(got->has_header("Access-Control-Allow-Origin")) << origin;
    EXPECT_FALSE(got->has_header("Access-Control-Allow-Credentials")) << origin;
  }
  httplib::Result allowed = Client().Get("/api/search", {{"Origin", "https://allowed.example"}});
  ASSERT_TRUE(allowed);
  EXPECT_EQ("https://allowed.example", allowed->get_header_value("Access-Control-Allow-Origin"));
  EXPECT_FALSE(allowed->has_header("Access-Control-Allow-Credentials"));
  server::ServerOptions any;
  any.cors_origins = {"*"};
  Start(any);
  httplib::Result star = Client().Get("/api/search", {{"Origin", "https://x.example"}});
  ASSERT_TRUE(star);
  // Whatever "*" echoes, it never comes with credentials.
  EXPECT_FALSE(star->has_header("Access-Control-Allow-Credentials"));
  EXPECT_NE("", star->get_header_value("Access-Control-Allow-Origin"));
}

TEST_F(SecurityChecksTest, ArticleFetchTakesValidatedIdsOnly) {
  const char* attempts[] = {"../canary.txt",
                            "..%2fcanary.txt",
                            "%2e%2e%2fcanary.txt",
                            "%252e%252e%252fcanary.txt",
                            "..%5ccanary.txt",
                            "..\\canary.txt",
                            "n1%00",
                            "n1%00.json",
                            "%00",
                            "....//canary.txt",
                            "..%c0%afcanary.txt",
                            "%2e%2e",
                            "..",
                            ".",
                            "n1/../../canary.txt",
                            "n1%2f..%2f..%2fcanary.txt",
                            "%2fetc%2fpasswd",
                            "CON",
                            "n1;rm",
                            "n1%0d%0aX-Injected:%201"};
  for (const char* id : attempts) {
    for (const std::string suffix : {"", "/similar"}) {
      const std::string path = std::string("/api/articles/") + id + suffix;
      RawResponse response =
          Exchange(port_, "GET " + path + " HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
      EXPECT_TRUE(response.status == 400 || response.status == 404)
          << path << " " << response.status;
      EXPECT_EQ(std::string::npos, response.body.find("CANARY")) << path;
      EXPECT_EQ(std::string::npos, response.body.find("root:")) << path;
      EXPECT_EQ(std::string::npos, response.head.find("X-Injected")) << path;
    }
  }
  httplib::Result real = Client().Get("/api/articles/n1");
  ASSERT_TRUE(real);
  EXPECT_EQ(200, real->status);
}

TEST_F(SecurityChecksTest, UnpublishedWordPressPostsAreNeverSearchable) {
  httplib::Client client = Client();
  httplib::Result published = client.Get("/api/search?q=quaymarker");
  ASSERT_TRUE(published);
  EXPECT_EQ(1, json::parse(published->body)["total"]) << published->body;
  for (const char* marker : {"draftmarker", "futuremarker", "privatemarker", "pendingmarker",
                             "passwordmarker", "trashmarker", "revisionmarker"}) {
    for (const std::string path : {"/api/search?q=", "/api/kwic?q=", "/api/facets?q="}) {
      httplib::Result got = client.Get(path + marker);
      ASSERT_TRUE(got);
      json body = json::parse(got->body, nullptr, false);
      ASSERT_FALSE(body.is_discarded()) << path << marker;
      body.erase("query");  // the echoed query names the marker, of course
      if (body.contains("request")) body["request"].erase("q");
      EXPECT_EQ(std::string::npos, body.dump().find(marker)) << path << marker << body.dump();
      if (body.contains("total")) {
        EXPECT_EQ(0, body["total"]) << path << marker;
      }
    }
    const std::string prefix = std::string(marker).substr(0, 5);
    httplib::Result suggest = client.Get("/api/suggest?q=" + prefix);
    ASSERT_TRUE(suggest);
    EXPECT_EQ(std::string::npos, suggest->body.find(marker)) << suggest->body;
  }
  // Facet counts over everything: no topic of an unpublished post appears.
  httplib::Result facets = client.Get("/api/facets");
  ASSERT_TRUE(facets);
  for (const char* topic : {"Drafttopic", "Futuretopic", "Privatetopic", "Pendingtopic",
                            "Lockedtopic", "Trashtopic", "Revisiontopic"})
    EXPECT_EQ(std::string::npos, facets->body.find(topic)) << topic;
  EXPECT_NE(std::string::npos, facets->body.find("Docks")) << facets->body.substr(0, 500);
}

TEST_F(SecurityChecksTest, AdminRoutesNeedTheExactToken) {
  const std::string token = state_->options.admin_token;
  const std::vector<std::string> wrong = {"",
                                          "Bearer",
                                          "Bearer ",
                                          "bearer " + token,
                                          "Bearer " + token.substr(0, token.size() - 1),
                                          "Bearer " + token + "x",
                                          "Bearer " + std::string(token.size(), 'a'),
                                          "Basic " + token,
                                          token,
                                          "Bearer  " + token};
  for (const char* path : {"/metrics", "/api/stats"}) {
    for (const std::string& authorization : wrong) {
      httplib::Headers headers;
      if (!authorization.empty()) headers.emplace("Authorization", authorization);
      httplib::Result got = Client().Get(path, headers);
      ASSERT_TRUE(got);
      EXPECT_EQ(401, got->status) << path << " with \"" << authorization << "\"";
      EXPECT_EQ(std::string::npos, got->body.find("archive_")) << path;
    }
    httplib::Result right = Client().Get(path, {{"Authorization", "Bearer " + token}});
    ASSERT_TRUE(right);
    EXPECT_EQ(200, right->status) << path;
  }
  // Without a token configured the public listener does not have the routes at all.
  Start(server::ServerOptions());
  for (const char* path : {"/metrics", "/api/stats"}) {
    httplib::Result got = Client().Get(path, {{"Authorization", "Bearer "}});
    ASSERT_TRUE(got);
    EXPECT_EQ(404, got->status) << path;
  }
}

}  // namespace
}  // namespace archive::test
