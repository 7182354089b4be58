#include "corpus/corpus_reader.h"
#include "corpus/html_page_reader.h"
#include "corpus/jsonl_reader.h"
#include "corpus/metadata_deriver.h"
#include "corpus/pdf_reader.h"
#include "corpus/source_format.h"
#include "corpus/wp_rest_reader.h"
#include "corpus/wxr_reader.h"

namespace archive::corpus {
namespace {

Status ReadJsonLinesSource(const std::string& path, const ReaderOptions& options,
                           const SourceCallbacks& callbacks) {
  // The JSONL reader takes plain callbacks; an empty one must not be called.
  ArticleCallback on_article = callbacks.on_article ? callbacks.on_article : [](Article&&) {};
  RejectionCallback on_reject = callbacks.on_reject ? callbacks.on_reject : [](const Rejection&) {};
  StatusOr<uint64_t> read = ReadJsonLinesFile(path, on_article, on_reject, options);
  return read.ok() ? Status::Ok() : read.status();
}

Status ReadDetectedSource(const std::string& path, const ReaderOptions& options,
                          const SourceCallbacks& callbacks) {
  SourceFormat format = options.format;
  if (format == SourceFormat::kAuto) {
    StatusOr<SourceFormat> detected = DetectSourceFormatAt(path);
    if (!detected.ok()) return detected.status();
    format = *detected;
  }
  if (path == "-" && format != SourceFormat::kJsonLines)
    return Status::InvalidArgument("-: standard input is read as JSON Lines only");
  switch (format) {
    case SourceFormat::kAuto:
    case SourceFormat::kJsonLines:
      return ReadJsonLinesSource(path, options, callbacks);
    case SourceFormat::kWordPressWxr:
      return ReadWxrFile(path, options, callbacks);
    case SourceFormat::kWordPressRest:
      return ReadWordPressRestFile(path, options, callbacks);
    case SourceFormat::kHtml:
      return ReadHtmlPages(path, options, callbacks);
    case SourceFormat::kPdf:
      return ReadPdfFile(path, options, callbacks);
  }
  return Status::Internal(path + ": unhandled source format");
}

}  // namespace

Status ReadSource(const std::string& path, const ReaderOptions& options,
                  const SourceCallbacks& callbacks) {
  if (!options.derive_metadata || !callbacks.on_article)
    return ReadDetectedSource(path, options, callbacks);
  // One deriver per source: building it parses the topic vocabulary.
  StatusOr<MetadataDeriver> deriver = MetadataDeriver::Create(options.derivation);
  if (!deriver.ok()) return deriver.status();
  SourceCallbacks deriving = callbacks;
  deriving.on_article = [&deriver, &callbacks](Article&& article) {
    deriver->Derive(&article);
    callbacks.on_article(std::move(article));
  };
  return ReadDetectedSource(path, options, deriving);
}

}  // namespace archive::corpus
