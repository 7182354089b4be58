// RecordSink: where a reader sends what it made of each record. It fills in the source name,
// tolerates callbacks left empty, and keeps counts for the reader's tests. Not thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <utility>

#include "corpus/corpus_reader.h"

namespace archive::corpus {

class RecordSink {
 public:
  RecordSink(std::string source, const SourceCallbacks& callbacks)
      : source_(std::move(source)), callbacks_(callbacks) {}

  const std::string& source() const { return source_; }

  void Deliver(Article&& article) {
    ++delivered_;
    if (callbacks_.on_article) callbacks_.on_article(std::move(article));
  }
  // `where` is the line, record number or byte offset the format has; 0 for the whole file.
  void Reject(uint64_t where, std::string reason) {
    ++rejected_;
    if (callbacks_.on_reject) callbacks_.on_reject(Rejection{source_, where, std::move(reason)});
  }
  void Skip(uint64_t where, std::string reason) {
    ++skipped_;
    if (callbacks_.on_skip) callbacks_.on_skip(Rejection{source_, where, std::move(reason)});
  }

  uint64_t delivered() const { return delivered_; }
  uint64_t rejected() const { return rejected_; }
  uint64_t skipped() const { return skipped_; }

 private:
  std::string source_;
  const SourceCallbacks& callbacks_;
  uint64_t delivered_ = 0;
  uint64_t rejected_ = 0;
  uint64_t skipped_ = 0;
};

}  // namespace archive::corpus
