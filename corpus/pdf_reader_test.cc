#include "corpus/pdf_reader.h"

#include <gtest/gtest.h>

#include "corpus/pdf_test_writer_test_util.h"
#include "corpus/record_collector_test_util.h"

namespace archive::corpus {
namespace {

TEST(PdfReaderTest, OneArticlePerPageBlankPagesSkipped) {
  std::string pdf = test::MakePdf({{"Tenants win rent control", "Renters packed the chamber."},
                                   {},
                                   {"continued from page 1, the council voted 7 to 2."}});
  RecordCollector got;
  ASSERT_TRUE(ReadPdf(pdf, "scans/issue-087-2020-03.pdf", {}, got.callbacks()).ok());
  ASSERT_EQ(std::vector<std::string>({"issue-0087-p01", "issue-0087-p03"}), got.ids());
  const Article& first = got.articles[0];
  EXPECT_EQ("Issue 87, page 1: Tenants win rent control", first.title);
  EXPECT_EQ(87, first.issue);
  EXPECT_EQ("2020-03-01", first.date);
  EXPECT_EQ("article", first.kind);
  EXPECT_NE(std::string::npos, first.body.find("Renters packed the chamber.")) << first.body;
  EXPECT_EQ("Issue 87, page 3", got.articles[1].title);  // a lowercase line is no headline
  ASSERT_EQ(1u, got.skips.size());
  EXPECT_EQ("scans/issue-087-2020-03.pdf:2: blank page: issue-0087-p02", got.skips[0].ToString());
}

TEST(PdfReaderTest, FallsBackToTheMetadata) {
  std::string pdf = test::MakePdf({{"Page text"}}, "Issue 112 - July 2022", "20220705120000Z");
  RecordCollector got;
  ASSERT_TRUE(ReadPdf(pdf, "scan.pdf", {}, got.callbacks()).ok());
  ASSERT_EQ(std::vector<std::string>{"issue-0112-p01"}, got.ids());
  EXPECT_EQ("2022-07-05", got.articles[0].date);
}

TEST(PdfReaderTest, WithoutAnIssueNumberTheFileNameNamesThePage) {
  RecordCollector got;
  ASSERT_TRUE(
      ReadPdf(test::MakePdf({{"Some words here"}}), "special edition.pdf", {}, got.callbacks())
          .ok());
  ASSERT_EQ(std::vector<std::string>{"special-edition-p01"}, got.ids());
  EXPECT_EQ("special edition, page 1: Some words here", got.articles[0].title);
  EXPECT_EQ(0, got.articles[0].issue);
}

TEST(PdfReaderTest, RejectsOversizedPage) {
  ReaderOptions options;
  options.max_body_bytes = 5;
  RecordCollector got;
  ASSERT_TRUE(
      ReadPdf(test::MakePdf({{"More than five bytes"}}), "087.pdf", options, got.callbacks()).ok());
  ASSERT_EQ(1u, got.rejections.size());
  EXPECT_EQ(1u, got.rejections[0].line);
  EXPECT_TRUE(got.rejections[0].reason.starts_with("body: ")) << got.rejections[0].reason;
}

TEST(PdfReaderTest, GarbageIsNotAPdf) {
  RecordCollector got;
  EXPECT_EQ(StatusCode::kInvalidArgument,
            ReadPdf(std::string("\x00\xff garbage", 10), "x.pdf", {}, got.callbacks()).code());
  EXPECT_EQ(
      StatusCode::kInvalidArgument,
      ReadPdf("%PDF-1.4\n\x01\x02 broken beyond repair", "y.pdf", {}, got.callbacks()).code());
  EXPECT_TRUE(got.articles.empty());
}

// Poppler's own complaint names the cause in our message (and not on standard error).
TEST(PdfReaderTest, BrokenPdfSaysWhyItCannotBeOpened) {
  RecordCollector got;
  ::testing::internal::CaptureStderr();
  Status status = ReadPdf("%PDF-1.4\n\x01\x02 broken beyond repair", "y.pdf", {}, got.callbacks());
  std::string printed = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(StatusCode::kInvalidArgument, status.code());
  EXPECT_NE(std::string::npos, status.message().find("cannot be opened (")) << status.message();
  EXPECT_EQ("", printed);
}

TEST(PdfReaderTest, ReadsTheCheckedInIssue) {
  RecordCollector got;
  ASSERT_TRUE(ReadPdfFile("corpus/testdata/issue-087-2020-03.pdf", {}, got.callbacks()).ok());
  EXPECT_EQ(std::vector<std::string>({"issue-0087-p01", "issue-0087-p03"}), got.ids());
  EXPECT_EQ(1u, got.skips.size());
}

struct NameCase {
  const char* name;
  int issue;
  const char* date;
};

TEST(PdfReaderTest, IssueFromFileName) {
  const NameCase cases[] = {{"issue-087-2020-03.pdf", 87, "2020-03-01"},
                            {"087.pdf", 87, ""},
                            {"Issue_12_2014-08-15.PDF", 12, "2014-08-15"},
                            {"2020-03.pdf", 0, "2020-03-01"},
                            {"scan.pdf", 0, ""}};
  for (const NameCase& c : cases) {
    IssueInfo info = IssueFromFileName(c.name);
    EXPECT_EQ(c.issue, info.issue) << c.name;
    EXPECT_EQ(c.date, info.date) << c.name;
  }
  EXPECT_EQ(87, IssueFromTitle("Issue 87 \u2014 March 2020"));
  EXPECT_EQ(0, IssueFromTitle("Socialist paper"));
}

}  // namespace
}  // namespace archive::corpus
