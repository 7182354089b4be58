#include "corpus/wp_rest_reader.h"

#include <gtest/gtest.h>

#include "corpus/json_array_splitter.h"
#include "corpus/record_collector_test_util.h"

namespace archive::corpus {
namespace {

constexpr const char* kFixture = "corpus/testdata/wp-rest-posts.json";

std::string Post(int id, const std::string& title) {
  std::string text = "{\"id\":" + std::to_string(id);
  text.append(R"(,"status":"publish","type":"post","date_gmt":"2022-01-02T03:04:05","title":)");
  text.append(R"({"rendered":")").append(title).append(R"("},"content":{"rendered":"<p>Body )");
  return text.append(std::to_string(id)).append(R"(</p>"}})");
}

// Joins `elements` into an array; built with append because GCC 12's -Wrestrict misfires
// on chains of operator+ at -O3.
std::string Array(const std::vector<std::string>& elements) {
  std::string text = "[";
  for (const std::string& element : elements) {
    if (text.size() > 1) text.append(",\n");
    text.append(element);
  }
  return text.append("]");
}

TEST(WpRestReaderTest, ReadsPublishedPostsWithEmbeddedTerms) {
  RecordCollector got;
  ASSERT_TRUE(ReadWordPressRestFile(kFixture, {}, got.callbacks()).ok());
  ASSERT_EQ(std::vector<std::string>({"wp-201", "wp-202", "wp-207"}), got.ids());

  const Article& post = got.articles[0];
  EXPECT_EQ("Nurses\u2019 strike at St.\u00a0Anselm enters week two", post.title);
  EXPECT_EQ("2021-06-01", post.date);  // date_gmt, not the local date
  EXPECT_EQ("https://example.org/2021/06/01/nurses-strike-at-st-anselm/", post.url);
  EXPECT_EQ(std::vector<std::string>{"Rosa Delgado"}, post.authors);
  EXPECT_EQ(std::vector<std::string>({"Labor", "Health Care"}), post.topics);
  EXPECT_EQ(std::vector<std::string>{"Philadelphia"}, post.cities);
  EXPECT_EQ("Picket lines held firm & grew.", post.summary);
  EXPECT_NE(std::string::npos, post.body.find("<p>PHILADELPHIA &#8212;"));  // HTML as received

  const Article& plain = got.articles[1];
  EXPECT_EQ("Dublin tenants & students join rent strike", plain.title);
  EXPECT_EQ("2021-06-03", plain.date);  // date_gmt null: the local date
  EXPECT_TRUE(plain.topics.empty());    // ids without _embedded cannot be named
  EXPECT_EQ(std::vector<std::string>{"Maya Ruiz"}, got.articles[2].authors);
}

TEST(WpRestReaderTest, SkipsAndRejectsWithRecordNumbers) {
  RecordCollector got;
  ASSERT_TRUE(ReadWordPressRestFile(kFixture, {}, got.callbacks()).ok());
  ASSERT_EQ(2u, got.skips.size());
  EXPECT_EQ(std::string(kFixture) + ":3: scheduled: wp-203", got.skips[0].ToString());
  EXPECT_EQ(std::string(kFixture) + ":4: password-protected: wp-204", got.skips[1].ToString());
  ASSERT_EQ(2u, got.rejections.size());
  EXPECT_EQ(std::string(kFixture) + ":5: date_gmt: \"June 5th\" is not ISO 8601",
            got.rejections[0].ToString());
  EXPECT_EQ(std::string(kFixture) + ":6: title: empty", got.rejections[1].ToString());
}

TEST(WpRestReaderTest, ArrayCutShortKeepsEarlierPosts) {
  std::string text = Array({Post(1, "One"), Post(2, "Two"), Post(3, "Three")});
  text.resize(text.size() - 20);
  RecordCollector got;
  ASSERT_TRUE(ReadWordPressRest(text, "cut.json", {}, got.callbacks()).ok());
  EXPECT_EQ(std::vector<std::string>({"wp-1", "wp-2"}), got.ids());
  ASSERT_EQ(1u, got.rejections.size());
  EXPECT_EQ(3u, got.rejections[0].line);
  EXPECT_TRUE(got.rejections[0].reason.starts_with("JSON array cut short at byte"));
}

TEST(WpRestReaderTest, BadElementDoesNotStopTheArray) {
  std::string text =
      Array({Post(1, "One"), R"({"id": 2, "title": })", "17", R"({"title":"x"})", Post(5, "Five")});
  RecordCollector got;
  ASSERT_TRUE(ReadWordPressRest(text, "bad.json", {}, got.callbacks()).ok());
  EXPECT_EQ(std::vector<std::string>({"wp-1", "wp-5"}), got.ids());
  ASSERT_EQ(3u, got.rejections.size());
  EXPECT_EQ("bad.json:2: invalid JSON", got.rejections[0].ToString());
  EXPECT_EQ("bad.json:3: record is not a JSON object", got.rejections[1].ToString());
  EXPECT_EQ("bad.json:4: id: missing", got.rejections[2].ToString());
}

TEST(WpRestReaderTest, StrayClosingBraceIsOneBadElementNotAnEndlessLoop) {
  std::string text = Array({Post(1, "One").append("}"), Post(2, "Two")});
  RecordCollector got;
  ASSERT_TRUE(ReadWordPressRest(text, "stray.json", {}, got.callbacks()).ok());
  EXPECT_EQ(std::vector<std::string>({"wp-2"}), got.ids());
  ASSERT_EQ(1u, got.rejections.size());
  EXPECT_EQ("stray.json:1: invalid JSON", got.rejections[0].ToString());
}

// Found by fuzz_wp_rest: a non-boolean content.protected threw out of the reader.
TEST(WpRestReaderTest, ProtectedFlagOfAnotherTypeRejectsThatPostOnly) {
  std::string odd = Post(2, "Two");
  odd.insert(odd.size() - 2, R"(,"protected":{"rendered":"Ok"})");
  std::string locked = Post(3, "Three");
  locked.insert(locked.size() - 2, R"(,"protected":true)");
  RecordCollector got;
  ASSERT_TRUE(ReadWordPressRest(Array({Post(1, "One"), odd, locked, Post(4, "Four")}), "p.json", {},
                                got.callbacks())
                  .ok());
  EXPECT_EQ(std::vector<std::string>({"wp-1", "wp-4"}), got.ids());
  ASSERT_EQ(1u, got.rejections.size());
  EXPECT_EQ("p.json:2: content.protected: must be true or false", got.rejections[0].ToString());
  ASSERT_EQ(1u, got.skips.size());
  EXPECT_EQ("p.json:3: password-protected: wp-3", got.skips[0].ToString());
}

TEST(WpRestReaderTest, ReplacesInvalidUtf8) {
  RecordCollector got;
  ASSERT_TRUE(ReadWordPressRest(Array({Post(1, "Caf\xe9")}), "x.json", {}, got.callbacks()).ok());
  ASSERT_EQ(1u, got.articles.size());
  EXPECT_EQ("Caf\uFFFD", got.articles[0].title);
}

TEST(WpRestReaderTest, RejectsOversizedBody) {
  ReaderOptions options;
  options.max_body_bytes = 4;
  RecordCollector got;
  ASSERT_TRUE(ReadWordPressRest(Array({Post(1, "One")}), "x.json", options, got.callbacks()).ok());
  ASSERT_EQ(1u, got.rejections.size());
  EXPECT_TRUE(got.rejections[0].reason.starts_with("body: 13 bytes")) << got.rejections[0].reason;
}

TEST(WpRestReaderTest, GarbageIsNotAnArray) {
  for (const std::string& input :
       {std::string("\x00\xff\x01garbage", 10), std::string("{}"), std::string("")}) {
    RecordCollector got;
    EXPECT_EQ(StatusCode::kInvalidArgument,
              ReadWordPressRest(input, "junk.json", {}, got.callbacks()).code());
  }
  RecordCollector got;  // an array of garbage: every element rejected, nothing delivered
  ASSERT_TRUE(ReadWordPressRest("[\x01\xff, nul]", "junk.json", {}, got.callbacks()).ok());
  EXPECT_TRUE(got.articles.empty());
  EXPECT_EQ(2u, got.rejections.size());
}

TEST(JsonArraySplitterTest, SplitsAtTopLevelCommasOnly) {
  JsonArraySplitter splitter(R"( [ {"a":[1,2],"b":"x,]\"y"} , 3 ,"s]"] )");
  std::vector<std::string> elements;
  for (std::string_view element; splitter.Next(element);) elements.emplace_back(element);
  EXPECT_EQ(std::vector<std::string>({R"({"a":[1,2],"b":"x,]\"y"} )", "3 ", R"("s]")"}), elements);
  EXPECT_FALSE(splitter.truncated());
}

}  // namespace
}  // namespace archive::corpus
