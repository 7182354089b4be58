#include "corpus/jsonl_reader.h"

#include <gtest/gtest.h>

#include <sstream>

namespace archive::corpus {
namespace {

TEST(JsonlReaderTest, ParsesEveryField) {
  StatusOr<Article> article = ParseArticleJson(
      R"({"id":"sa-1","title":" Rent control now ","body":"<p>Text</p>","url":"https://x/1",)"
      R"("date":"2019-11-05T10:00:00Z","issue":74,"authors":["Ana Ruiz"],"topics":["Housing"],)"
      R"("cities":["Seattle"],"summary":"s","lang":"ES","kind":"article","extra":1})");
  ASSERT_TRUE(article.ok()) << article.status().ToString();
  EXPECT_EQ("sa-1", article->id);
  EXPECT_EQ("Rent control now", article->title);
  EXPECT_EQ("2019-11-05", article->date);
  EXPECT_EQ(74, article->issue);
  EXPECT_EQ("es", article->lang);
  EXPECT_EQ(std::vector<std::string>{"Seattle"}, article->cities);
}

struct BadCase {
  const char* line;
  const char* reason;  // a prefix of the expected message
};

TEST(JsonlReaderTest, RejectsWithTheFieldNamed) {
  const BadCase cases[] = {
      {R"({"id":"a b","title":"t","body":"b"})", "id:"},
      {R"({"title":"t","body":"b"})", "id: missing"},
      {R"({"id":"a","title":"  ","body":"b"})", "title: empty"},
      {R"({"id":"a","title":"t"})", "body: missing"},
      {R"({"id":"a","title":"t","body":"b","date":"05/11/2019"})", "date:"},
      {R"({"id":"a","title":"t","body":"b","issue":"x"})", "issue:"},
      {R"({"id":"a","title":"t","body":"b","topics":"Labor"})", "topics:"},
      {R"({"id":"a","title":"t","body":"b","kind":"page"})", "kind:"},
      {R"({"id":"a","title":"t","body":)", "invalid JSON"},
      {"{\"id\":\"a\",\"title\":\"t\xff\",\"body\":\"b\"}", "invalid JSON"},
      {R"([1,2])", "record is not"},
      // A number beyond double's range once escaped as out_of_range and aborted the run
      // (found by fuzz_jsonl; tests/fuzz/regressions/jsonl/).
      {R"({"id":"a","title":"t","body":"b","issue":1e999})", "invalid JSON"},
  };
  for (const BadCase& c : cases) {
    StatusOr<Article> article = ParseArticleJson(c.line);
    ASSERT_FALSE(article.ok()) << c.line;
    EXPECT_TRUE(article.status().message().starts_with(c.reason))
        << c.line << " -> " << article.status().message();
  }
}

TEST(JsonlReaderTest, RejectsOversizedBody) {
  ReaderOptions options;
  options.max_body_bytes = 10;
  StatusOr<Article> article =
      ParseArticleJson(R"({"id":"a","title":"t","body":"01234567890"})", options);
  ASSERT_FALSE(article.ok());
  EXPECT_TRUE(article.status().message().starts_with("body: 11 bytes"))
      << article.status().message();
}

TEST(JsonlReaderTest, BadLinesDoNotStopTheFile) {
  std::istringstream in(
      "{\"id\":\"a\",\"title\":\"A\",\"body\":\"x\"}\n"
      "not json\n"
      "\n"
      "{\"id\":\"b\",\"title\":\"B\",\"body\":\"y\"}\n");
  std::vector<std::string> ids;
  std::vector<std::string> rejections;
  uint64_t delivered = ReadJsonLines(
      in, "batch.jsonl", [&](Article&& a) { ids.push_back(a.id); },
      [&](const Rejection& r) { rejections.push_back(r.ToString()); });
  EXPECT_EQ(2u, delivered);
  EXPECT_EQ(std::vector<std::string>({"a", "b"}), ids);
  ASSERT_EQ(1u, rejections.size());
  EXPECT_TRUE(rejections[0].starts_with("batch.jsonl:2: invalid JSON")) << rejections[0];
}

}  // namespace
}  // namespace archive::corpus
