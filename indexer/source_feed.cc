#include "indexer/source_feed.h"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>

#include "corpus/corpus_reader.h"
#include "corpus/source_format.h"
#include "indexer/progress_line.h"

namespace archive::indexer {
namespace {

// The option's names are corpus::SourceFormatName's; main.cc allows only those.
corpus::SourceFormat FormatNamed(const std::string& name) {
  for (corpus::SourceFormat format :
       {corpus::SourceFormat::kJsonLines, corpus::SourceFormat::kWordPressWxr,
        corpus::SourceFormat::kWordPressRest, corpus::SourceFormat::kHtml,
        corpus::SourceFormat::kPdf}) {
    if (corpus::SourceFormatName(format) == name) return format;
  }
  return corpus::SourceFormat::kAuto;
}

bool IsJsonLinesFile(const std::string& source) {
  std::error_code error;
  return source != "-" && std::filesystem::is_regular_file(source, error) &&
         (source.ends_with(".jsonl") || source.ends_with(".ndjson"));
}

// The record count of JSON Lines files is their line count, cheap to take up front; for
// any other source (standard input, HTML directories) it is unknown, and so is the ETA.
std::optional<uint64_t> ExpectedRecords(const std::vector<std::string>& sources) {
  uint64_t lines = 0;
  for (const std::string& source : sources) {
    if (!IsJsonLinesFile(source)) return std::nullopt;
    std::ifstream in(source, std::ios::binary);
    char buffer[1 << 16];
    while (in.read(buffer, sizeof(buffer)) || in.gcount() > 0) {
      const char* end = buffer + in.gcount();
      for (const char* p = buffer; (p = static_cast<const char*>(std::memchr(p, '\n', end - p)));
           ++p)
        ++lines;
    }
  }
  return lines;
}

uint64_t FileBytes(const std::vector<std::string>& sources) {
  uint64_t bytes = 0;
  for (const std::string& source : sources) {
    std::error_code error;
    if (source != "-" && std::filesystem::is_regular_file(source, error))
      bytes += std::filesystem::file_size(source, error);
  }
  return bytes;
}

}  // namespace

StatusOr<FeedResult> FeedSources(const FeedOptions& options, const AddFunction& add) {
  std::ofstream rejects;
  if (!options.rejects_path.empty()) {
    rejects.open(options.rejects_path, std::ios::trunc);
    if (!rejects)
      return Status::InvalidArgument("cannot write rejects file " + options.rejects_path);
  }
  FeedResult result;
  ProgressLine progress(options.show_progress,
                        options.show_progress ? ExpectedRecords(options.sources) : std::nullopt);
  std::string current_source;
  auto report = [&](const corpus::Rejection& rejection, const char* suffix) {
    progress.Done();  // a message must not be drawn over by the progress line
    std::cerr << rejection.ToString() << suffix << "\n";
  };
  corpus::SourceCallbacks callbacks;
  callbacks.on_article = [&](Article&& article) {
    if (!result.failure.ok()) return;
    std::string id = article.id;
    StatusOr<AddOutcome> outcome = add(std::move(article));
    progress.Tick();
    ++result.records;
    if (!outcome.ok()) {
      result.failure = outcome.status();
    } else if (*outcome == AddOutcome::kDuplicate) {
      report({current_source, 0, "duplicate id " + id + ": the last one wins"}, "");
    }
  };
  callbacks.on_reject = [&](const corpus::Rejection& rejection) {
    ++result.rejected;
    report(rejection, "");
    if (rejects.is_open()) rejects << rejection.ToString() << "\n";
  };
  callbacks.on_skip = [&](const corpus::Rejection& skip) {
    ++result.skipped;
    report(skip, " (skipped)");
  };
  corpus::ReaderOptions reader_options;
  reader_options.format = FormatNamed(options.format);
  for (const std::string& source : options.sources) {
    current_source = source;
    Status read = corpus::ReadSource(source, reader_options, callbacks);
    if (!read.ok()) {
      // Not a record: the whole source is missing or unreadable.
      result.unreadable.push_back(source);
      std::string reason = read.message();
      if (reason.starts_with(source + ": ")) reason.erase(0, source.size() + 2);
      callbacks.on_reject({source, 0, reason});
    }
    if (!result.failure.ok()) break;
  }
  progress.Done();
  result.bytes = FileBytes(options.sources);
  result.seconds = progress.seconds();
  return result;
}

}  // namespace archive::indexer
