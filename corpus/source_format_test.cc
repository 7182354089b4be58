#include "corpus/source_format.h"

#include <gtest/gtest.h>

#include "corpus/record_collector_test_util.h"

namespace archive::corpus {
namespace {

struct Case {
  const char* path;
  std::string head;
  SourceFormat expected;
};

TEST(SourceFormatTest, DetectsFromNameAndContent) {
  const Case cases[] = {
      {"a.jsonl", "", SourceFormat::kJsonLines},
      {"a.jsonl", "[not really]", SourceFormat::kJsonLines},  // the name wins
      {"a.txt", "\xEF\xBB\xBF  {\"id\":\"x\"}", SourceFormat::kJsonLines},
      {"posts.json", "\n [ {\"id\": 1} ]", SourceFormat::kWordPressRest},
      {"export.xml",
       "<?xml version=\"1.0\"?>\n<rss version=\"2.0\" "
       "xmlns:wp=\"http://wordpress.org/export/1.2/\">",
       SourceFormat::kWordPressWxr},
      {"feed.xml", "<?xml version=\"1.0\"?><rss version=\"2.0\">", SourceFormat::kAuto},
      {"page.html", "<!DOCTYPE html><html><head>", SourceFormat::kHtml},
      {"issue.pdf", "%PDF-1.7\n%\xe2\xe3", SourceFormat::kPdf},
      {"scan", "%PDF-1.4", SourceFormat::kPdf},
      {"junk.bin", std::string("\x00\x01\x02", 3), SourceFormat::kAuto},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(SourceFormatName(c.expected), SourceFormatName(DetectSourceFormat(c.path, c.head)))
        << c.path << ": " << c.head;
  }
}

TEST(SourceFormatTest, DetectsTheFixtures) {
  EXPECT_EQ(SourceFormat::kWordPressWxr,
            *DetectSourceFormatAt("corpus/testdata/wordpress-export.xml"));
  EXPECT_EQ(SourceFormat::kWordPressRest,
            *DetectSourceFormatAt("corpus/testdata/wp-rest-posts.json"));
  EXPECT_EQ(SourceFormat::kHtml, *DetectSourceFormatAt("corpus/testdata/html-pages"));
  EXPECT_EQ(SourceFormat::kPdf, *DetectSourceFormatAt("corpus/testdata/issue-087-2020-03.pdf"));
  EXPECT_EQ(SourceFormat::kJsonLines, *DetectSourceFormatAt("-"));
  EXPECT_EQ(StatusCode::kNotFound, DetectSourceFormatAt("corpus/testdata/none").status().code());
  EXPECT_EQ(StatusCode::kInvalidArgument,
            DetectSourceFormatAt("corpus/testdata/html-pages/notes.txt").status().code());
}

TEST(ReadSourceTest, ReadsEveryFixtureThroughOneEntryPoint) {
  const std::pair<const char*, size_t> kSources[] = {{"corpus/testdata/wordpress-export.xml", 3},
                                                     {"corpus/testdata/wp-rest-posts.json", 3},
                                                     {"corpus/testdata/html-pages", 3},
                                                     {"corpus/testdata/issue-087-2020-03.pdf", 2}};
  for (const auto& [path, articles] : kSources) {
    RecordCollector got;
    Status status = ReadSource(path, {}, got.callbacks());
    ASSERT_TRUE(status.ok()) << path << ": " << status.ToString();
    EXPECT_EQ(articles, got.articles.size()) << path;
  }
}

TEST(ReadSourceTest, ForcedFormatOverridesDetection) {
  ReaderOptions options;
  options.format = SourceFormat::kWordPressRest;
  RecordCollector got;
  EXPECT_EQ(StatusCode::kInvalidArgument,
            ReadSource("corpus/testdata/wordpress-export.xml", options, got.callbacks()).code());
  options.format = SourceFormat::kPdf;
  EXPECT_EQ(StatusCode::kInvalidArgument, ReadSource("-", options, got.callbacks()).code());
}

TEST(ReadSourceTest, BinaryGarbageNeverCrashesAReader) {
  const std::string garbage("\x89\x00\xff\xfe<\x01[{%PD\x80\x81", 13);
  const std::string path = ::testing::TempDir() + "/garbage.bin";
  FILE* file = std::fopen(path.c_str(), "wb");
  ASSERT_NE(nullptr, file);
  std::fwrite(garbage.data(), 1, garbage.size(), file);
  std::fclose(file);
  for (SourceFormat format :
       {SourceFormat::kAuto, SourceFormat::kJsonLines, SourceFormat::kWordPressWxr,
        SourceFormat::kWordPressRest, SourceFormat::kHtml, SourceFormat::kPdf}) {
    ReaderOptions options;
    options.format = format;
    RecordCollector got;
    Status status = ReadSource(path, options, got.callbacks());
    EXPECT_TRUE(got.articles.empty()) << SourceFormatName(format);
    EXPECT_TRUE(!status.ok() || !got.rejections.empty()) << SourceFormatName(format);
  }
}

}  // namespace
}  // namespace archive::corpus
