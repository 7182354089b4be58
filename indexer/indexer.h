// Indexer: "here are Articles, make them searchable". The single writer of an index
// directory (it holds INDEX/LOCK while open). Articles are staged with Add() and Delete()
// and become visible to searchers together, as one revision, at Commit().
//
// Crash safety: new versions go to the store (synced) before the Xapian commit that names
// them; the store's current pointers move and superseded versions go after it. Open()
// finishes whatever a killed writer left undone, taking Xapian's documents as the truth.
//
// Articles are analysed on worker threads; documents go into Xapian on the calling thread,
// in the order given, so the outcome does not depend on the number of threads.
//
// Not thread-safe: one thread drives it.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "core/article.h"
#include "core/status_or.h"

namespace archive::indexer {

struct IndexerOptions {
  std::string index_dir;                 // created if missing
  std::string holder = "archive-index";  // recorded in the lock file for other writers
  size_t threads = 0;                    // workers analysing articles; 0: one per core
};

// What one update did; printed by `archive-index update --json`.
struct UpdateSummary {
  uint64_t added = 0;       // ids new to the index
  uint64_t changed = 0;     // ids whose content hash changed
  uint64_t unchanged = 0;   // ids already indexed with the same content
  uint64_t removed = 0;     // ids deleted
  uint64_t rejected = 0;    // records a reader refused (counted by the caller)
  uint64_t skipped = 0;     // records skipped by policy (counted by the caller)
  uint64_t duplicates = 0;  // ids seen more than once in this batch (the last one wins)
  uint64_t generation = 0;
  uint64_t revision = 0;
  uint64_t articles = 0;   // documents in the index after the commit
  bool recovered = false;  // Open() repaired the store after an interrupted update
};

enum class AddOutcome { kAdded, kChanged, kUnchanged, kDuplicate };

class Indexer {
 public:
  // kUnavailable when another indexer holds the lock; kFailedPrecondition when the
  // index was built with another schema version ("rebuild needed").
  static StatusOr<std::unique_ptr<Indexer>> Open(const IndexerOptions& options);
  ~Indexer();

  // Stages `article`: HTML bodies are decoded to text, then the article is compared
  // with its stored version by content hash.
  StatusOr<AddOutcome> Add(Article article);

  // Stages the removal of `id`. Returns false (and changes nothing) when the index does
  // not hold it. REQUIRES: `id` was not given to Add() in this batch.
  StatusOr<bool> Delete(const std::string& id);

  // Stages the removal of every indexed article not given to Add() in this batch (an
  // update with --prune), except those `keep` accepts (a WordPress pull keeps what did
  // not come from WordPress). Returns how many.
  StatusOr<uint64_t> RemoveUnseen(const std::function<bool(std::string_view id)>& keep = {});

  // Counts records that never reached Add(), so that the summary reports them.
  void CountRejected(uint64_t count) { summary_.rejected += count; }
  void CountSkipped(uint64_t count) { summary_.skipped += count; }

  // Makes everything staged visible at once, as a new revision (none when nothing
  // changed). The summary covers everything since Open() or the previous Commit().
  StatusOr<UpdateSummary> Commit();

 private:
  struct Impl;  // indexer_internal.h
  explicit Indexer(std::unique_ptr<Impl> impl);

  std::unique_ptr<Impl> impl_;
  UpdateSummary summary_;
};

}  // namespace archive::indexer
