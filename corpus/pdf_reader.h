// PDFs of printed issues: one Article per page with text (id "issue-0087-p06", title
// "Issue 87, page 6: <the page's headline>"), read with poppler. Blank pages (scans without
// a text layer, empty backs) go to on_skip. Thread-compatible.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"
#include "corpus/corpus_reader.h"

namespace archive::corpus {

struct IssueInfo {
  int issue = 0;     // 0 when unknown
  std::string date;  // YYYY-MM-DD (the first of the month when only the month is known)
};

// From a file name such as "issue-087-2020-03.pdf", "issue_87.pdf" or "087.pdf".
IssueInfo IssueFromFileName(std::string_view file_name);

// From a PDF title such as "Issue 87 - March 2020" or "No. 87" (the issue number only).
int IssueFromTitle(std::string_view title);

// Reads a PDF held in memory; `source_name` is its file name, which names the issue (the
// PDF's Title and CreationDate fill in what the name does not say). Rejections carry the
// page number. kInvalidArgument when the bytes are not a PDF poppler can open.
Status ReadPdf(std::string_view bytes, const std::string& source_name, const ReaderOptions& options,
               const SourceCallbacks& callbacks);

// Reads the PDF at `path`; kNotFound/kIOError when it cannot be read.
Status ReadPdfFile(const std::string& path, const ReaderOptions& options,
                   const SourceCallbacks& callbacks);

}  // namespace archive::corpus
