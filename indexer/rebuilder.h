// Rebuilder: builds a whole new generation of an index directory beside the live one and
// switches CURRENT to it once it is complete and synced; readers never see it before.
// Holds INDEX/LOCK from Open() to destruction, so no update runs against the generation
// being replaced. Half-built generations (a rebuild that was killed) are removed by the
// next rebuild; the live generation's kKeptOlderGenerations predecessors are kept for
// Rollback().
//
// Articles are analysed and written on worker threads, in parts of a fixed size (each a
// small Xapian database, and the articles in the new store), merged in order by Xapian's
// compaction into the generation's database at Finish(). The result does not depend on
// the number of threads: docids follow the order of Add() calls.
//
// Not thread-safe: one thread drives it.
#pragma once

#include <memory>
#include <string>

#include "core/article.h"
#include "core/status_or.h"
#include "indexer/indexer.h"

namespace archive::indexer {

struct RebuildOptions {
  std::string index_dir;                 // created if missing
  std::string holder = "archive-index";  // recorded in the lock file
  size_t threads = 0;                    // workers analysing and writing; 0: one per core
  size_t articles_per_part = 1000;       // documents in each part merged at Finish()
  // Open() gives no rebuilder (null, no error) when a generation is live already: an
  // update's first load builds this way only into an index where nothing is committed.
  bool only_if_empty = false;
};

class Rebuilder {
 public:
  // kUnavailable when another writer holds the lock.
  static StatusOr<std::unique_ptr<Rebuilder>> Open(const RebuildOptions& options);
  // Without a successful Finish(), removes the new generation: the live one stays live.
  ~Rebuilder();

  // Adds `article` to the new generation. Outcomes compare with the live generation;
  // kDuplicate when this rebuild already had the id (the last one wins).
  StatusOr<AddOutcome> Add(Article article);

  void CountRejected(uint64_t count) { summary_.rejected += count; }
  void CountSkipped(uint64_t count) { summary_.skipped += count; }

  // Waits for the workers, merges the parts, commits and syncs the new generation, makes
  // it live, and removes generations no longer kept. `removed` counts live articles the
  // new generation lacks.
  StatusOr<UpdateSummary> Finish();

 private:
  struct Impl;  // rebuilder.cc
  explicit Rebuilder(std::unique_ptr<Impl> impl);

  std::unique_ptr<Impl> impl_;
  UpdateSummary summary_;
};

struct RollbackResult {
  uint64_t from_generation = 0;
  uint64_t to_generation = 0;
  uint64_t revision = 0;  // of the generation now live
  uint64_t articles = 0;
};

// Makes the generation before the live one live again. kFailedPrecondition when there is
// none; kUnavailable when another writer holds the lock.
StatusOr<RollbackResult> Rollback(const std::string& index_dir, const std::string& holder);

}  // namespace archive::indexer
