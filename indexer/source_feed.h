// FeedSources: the archive-index side of an update or rebuild, reading every source
// through corpus::ReadSource and handing the articles to a writer (Indexer or Rebuilder,
// which stay free of the corpus library). Reports bad records on standard error and, if
// asked, in a rejects file; shows progress.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/article.h"
#include "core/status_or.h"
#include "indexer/indexer.h"

namespace archive::indexer {

struct FeedOptions {
  std::vector<std::string> sources;  // files, directories, or "-" for standard input
  std::string rejects_path;          // empty: rejected records go to standard error only
  bool show_progress = false;        // standard error is a terminal
  std::string format = "auto";       // a corpus::SourceFormatName: forces every source's format
};

struct FeedResult {
  uint64_t records = 0;  // articles handed to the writer
  uint64_t rejected = 0;
  uint64_t skipped = 0;
  uint64_t bytes = 0;                   // size of the regular files read
  std::vector<std::string> unreadable;  // sources that could not be read at all
  Status failure;                       // the writer failed: nothing may be committed
  double seconds = 0;
};

using AddFunction = std::function<StatusOr<AddOutcome>(Article&&)>;

// kInvalidArgument when the rejects file cannot be created (nothing was read).
StatusOr<FeedResult> FeedSources(const FeedOptions& options, const AddFunction& add);

}  // namespace archive::indexer
