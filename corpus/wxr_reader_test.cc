#include "corpus/wxr_reader.h"

#include <gtest/gtest.h>

#include <chrono>

#include "core/html_text.h"
#include "corpus/record_collector_test_util.h"

namespace archive::corpus {
namespace {

constexpr const char* kFixture = "corpus/testdata/wordpress-export.xml";

// A minimal export around `items`, in the 1.1 or 1.2 namespace.
std::string Export(const std::string& items, const std::string& version = "1.2",
                   const std::string& doctype = "") {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + doctype +
         "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"\n"
         " xmlns:excerpt=\"http://wordpress.org/export/" +
         version +
         "/excerpt/\"\n"
         " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
         " xmlns:wp=\"http://wordpress.org/export/" +
         version + "/\">\n<channel>\n" + items + "</channel>\n</rss>\n";
}

std::string Item(const std::string& id, const std::string& title, const std::string& body) {
  return "<item>\n<title>" + title +
         "</title>\n<dc:creator>ed</dc:creator>\n"
         "<content:encoded><![CDATA[" +
         body +
         "]]></content:encoded>\n"
         "<wp:post_id>" +
         id +
         "</wp:post_id>\n"
         "<wp:post_date_gmt>2021-05-01 10:00:00</wp:post_date_gmt>\n"
         "<wp:status>publish</wp:status>\n<wp:post_type>post</wp:post_type>\n</item>\n";
}

TEST(WxrReaderTest, ReadsPublishedPostsAndPages) {
  RecordCollector got;
  ASSERT_TRUE(ReadWxrFile(kFixture, {}, got.callbacks()).ok());
  ASSERT_EQ(std::vector<std::string>({"wp-101", "wp-102", "wp-114"}), got.ids());

  const Article& post = got.articles[0];
  EXPECT_EQ("Seattle tenants win rent control vote", post.title);
  EXPECT_EQ("2020-03-14", post.date);
  EXPECT_EQ("https://example.org/2020/03/14/seattle-tenants-win/", post.url);
  EXPECT_EQ(std::vector<std::string>{"Maya Ruiz"}, post.authors);
  EXPECT_EQ(std::vector<std::string>{"Housing"}, post.topics);
  EXPECT_EQ(std::vector<std::string>{"Seattle"}, post.cities);  // "rent control" is no city
  EXPECT_EQ("Renters beat the landlord lobby.", post.summary);

  const Article& page = got.articles[1];
  EXPECT_EQ("2020-03-02", page.date);  // no GMT date: pubDate
  EXPECT_EQ(std::vector<std::string>{"Orla Keane"}, page.authors);
  EXPECT_NE(std::string::npos, page.body.find("<p>Send reports"));  // paragraphs restored

  const Article& strike = got.articles[2];
  EXPECT_EQ("Workers\u2019 strike spreads from S\u00e3o Paulo to New York", strike.title);
  EXPECT_EQ(std::vector<std::string>({"International", "Labor"}), strike.topics);
  EXPECT_EQ(std::vector<std::string>({"S\u00e3o Paulo", "New York City"}), strike.cities);
  EXPECT_EQ("Bus drivers & nurses walk out.", strike.summary);
}

TEST(WxrReaderTest, ReducesShortcodesAndDropsBlockComments) {
  RecordCollector got;
  ASSERT_TRUE(ReadWxrFile(kFixture, {}, got.callbacks()).ok());
  ASSERT_FALSE(got.articles.empty());
  const std::string& body = got.articles[0].body;
  EXPECT_EQ(std::string::npos, body.find("wp:paragraph")) << body;
  EXPECT_EQ(std::string::npos, body.find("[caption")) << body;
  EXPECT_EQ(std::string::npos, body.find("[/caption]")) << body;
  EXPECT_EQ(std::string::npos, body.find("[gallery")) << body;
  EXPECT_NE(std::string::npos, body.find("Renters rally outside City Hall")) << body;
  EXPECT_NE(std::string::npos, body.find("[sic]")) << body;
}

TEST(WxrReaderTest, SkipsByPolicyWithTheReason) {
  RecordCollector got;
  ASSERT_TRUE(ReadWxrFile(kFixture, {}, got.callbacks()).ok());
  std::vector<std::string> reasons;
  for (const Rejection& skip : got.skips) reasons.push_back(skip.reason);
  EXPECT_EQ(
      std::vector<std::string>({"draft: wp-103", "scheduled: wp-104", "private: wp-105",
                                "pending: wp-106", "password-protected: wp-107",
                                "attachment: wp-108", "revision: wp-109", "nav_menu_item: wp-110"}),
      reasons);
  EXPECT_EQ(79u, got.skips[0].line);
}

TEST(WxrReaderTest, RejectsBadItemsWithTheirLine) {
  RecordCollector got;
  ASSERT_TRUE(ReadWxrFile(kFixture, {}, got.callbacks()).ok());
  std::vector<std::string> rejections;
  for (const Rejection& r : got.rejections) rejections.push_back(r.ToString());
  EXPECT_EQ(std::vector<std::string>(
                {std::string(kFixture) + ":255: title: empty",
                 std::string(kFixture) + ":277: wp:post_id: missing",
                 std::string(kFixture) +
                     ":298: wp:post_date_gmt: \"14/03/2020 18:05\" is not YYYY-MM-DD HH:MM:SS"}),
            rejections);
}

TEST(WxrReaderTest, ReadsWxr11) {
  RecordCollector got;
  ASSERT_TRUE(
      ReadWxr(Export(Item("7", "Old post", "Body"), "1.1"), "old.xml", {}, got.callbacks()).ok());
  ASSERT_EQ(std::vector<std::string>{"wp-7"}, got.ids());
  EXPECT_EQ(std::vector<std::string>{"ed"}, got.articles[0].authors);  // no wp:author entry
}

TEST(WxrReaderTest, TruncatedExportKeepsEveryItemBeforeTheBreak) {
  std::string xml = Export(Item("1", "One", "a") + Item("2", "Two", "b") + Item("3", "Three", "c"));
  xml.resize(xml.find("<title>Three") + 10);
  RecordCollector got;
  ASSERT_TRUE(ReadWxr(xml, "cut.xml", {}, got.callbacks()).ok());
  EXPECT_EQ(std::vector<std::string>({"wp-1", "wp-2"}), got.ids());
  ASSERT_EQ(1u, got.rejections.size());
  EXPECT_TRUE(got.rejections[0].reason.starts_with("XML error:")) << got.rejections[0].reason;
  EXPECT_GE(got.rejections[0].line, 25u);
}

TEST(WxrReaderTest, ReplacesInvalidUtf8) {
  RecordCollector got;
  ASSERT_TRUE(ReadWxr(Export(Item("1", "Caf\xe9 workers", "ok") + Item("2", "Two", "b")),
                      "latin1.xml", {}, got.callbacks())
                  .ok());
  ASSERT_EQ(std::vector<std::string>({"wp-1", "wp-2"}), got.ids());
  EXPECT_EQ("Caf\uFFFD workers", got.articles[0].title);
}

TEST(WxrReaderTest, RejectsOversizedBody) {
  ReaderOptions options;
  options.max_body_bytes = 5;
  RecordCollector got;
  ASSERT_TRUE(
      ReadWxr(Export(Item("1", "Long", "0123456789")), "big.xml", options, got.callbacks()).ok());
  ASSERT_EQ(1u, got.rejections.size());
  EXPECT_TRUE(got.rejections[0].reason.starts_with("body: 10 bytes")) << got.rejections[0].reason;
}

TEST(WxrReaderTest, EntityBombNeitherExpandsNorHangs) {
  std::string dtd = "<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n";
  std::string previous = "lol";
  for (int level = 1; level <= 9; ++level) {
    std::string name = "lol" + std::to_string(level);
    dtd += "<!ENTITY " + name + " \"";
    for (int i = 0; i < 10; ++i) dtd += "&" + previous + ";";
    dtd += "\">\n";
    previous = name;
  }
  dtd += "]>\n";
  std::string xml = Export(Item("1", "Bomb &lol9;", "x") + Item("2", "After", "y"), "1.2", dtd);
  RecordCollector got;
  auto start = std::chrono::steady_clock::now();
  Status status = ReadWxr(xml, "bomb.xml", {}, got.callbacks());
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_LT(elapsed, std::chrono::seconds(1));
  EXPECT_TRUE(status.ok()) << status.ToString();
  EXPECT_LT(got.AllText().size(), 10000u);
  EXPECT_EQ(std::string::npos, got.AllText().find("lollol"));
  EXPECT_FALSE(got.rejections.empty() && got.articles.size() < 2);
}

TEST(WxrReaderTest, ExternalEntityIsNeverRead) {
  std::string dtd = "<!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n";
  std::string xml = Export(Item("1", "Leak &x;", "body &amp; more"), "1.2", dtd);
  RecordCollector got;
  Status status = ReadWxr(xml, "xxe.xml", {}, got.callbacks());
  EXPECT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(std::string::npos, got.AllText().find("root:"));
  EXPECT_EQ(1u, got.articles.size() + got.rejections.size());
}

TEST(WxrReaderTest, ExternalDtdAndParameterEntitiesAreNeverLoaded) {
  std::string dtd =
      "<!DOCTYPE rss SYSTEM \"file:///etc/passwd\" [<!ENTITY % p SYSTEM "
      "\"http://127.0.0.1:1/evil.dtd\"> %p;]>\n";
  std::string xml = Export(Item("1", "Title", "body"), "1.2", dtd);
  RecordCollector got;
  auto start = std::chrono::steady_clock::now();
  Status status = ReadWxr(xml, "dtd.xml", {}, got.callbacks());
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));
  EXPECT_TRUE(status.ok() || status.code() == StatusCode::kInvalidArgument) << status.ToString();
  EXPECT_EQ(std::string::npos, got.AllText().find("root:"));
}

TEST(WxrReaderTest, DeepNestingIsAQuickPerFileError) {
  // libxml2 stops at 256 levels unless XML_PARSE_HUGE is given, and we never give it.
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<x>";
  std::string xml = Export(Item("1", "Before", "ok") + "<item>" + deep + "</item>");
  RecordCollector got;
  auto start = std::chrono::steady_clock::now();
  Status status = ReadWxr(xml, "deep.xml", {}, got.callbacks());
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));
  EXPECT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(1u, got.articles.size());  // the item before the break is kept
  ASSERT_EQ(1u, got.rejections.size());
  EXPECT_NE(std::string::npos, got.rejections[0].reason.find("XML error"))
      << got.rejections[0].reason;
}

TEST(WxrReaderTest, GarbageIsNotAnExport) {
  const std::string inputs[] = {std::string("\x00\x01\xff\xfe garbage", 12), "{\"id\":1}",
                                "<html><body>hi</body></html>", ""};
  for (const std::string& input : inputs) {
    RecordCollector got;
    Status status = ReadWxr(input, "junk.xml", {}, got.callbacks());
    EXPECT_EQ(StatusCode::kInvalidArgument, status.code()) << input;
    EXPECT_TRUE(got.articles.empty());
  }
}

TEST(WxrReaderTest, MissingFileIsNotFound) {
  RecordCollector got;
  EXPECT_EQ(StatusCode::kNotFound,
            ReadWxrFile("corpus/testdata/no-such.xml", {}, got.callbacks()).code());
}

}  // namespace
}  // namespace archive::corpus
