#include "corpus/corpus_reader.h"
#include "corpus/jsonl_reader.h"

namespace archive::corpus {

Status ReadSource(const std::string& path, const ReaderOptions& options,
                  const SourceCallbacks& callbacks) {
  switch (options.format) {
    case SourceFormat::kAuto:
    case SourceFormat::kJsonLines: {
      StatusOr<uint64_t> read =
          ReadJsonLinesFile(path, callbacks.on_article, callbacks.on_reject, options);
      return read.ok() ? Status::Ok() : read.status();
    }
    default:
      return Status::InvalidArgument(path + ": this source format is not supported yet");
  }
}

}  // namespace archive::corpus
