// What indexer.cc, indexer_recovery.cc and rebuilder.cc share: the Indexer's state, the
// metadata keys only the writer side uses, and the per-article preparation both writers
// apply. Module-internal (exposes Xapian types).
#pragma once

#include <xapian.h>

#include <cstdint>
#include <deque>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/analyzer.h"
#include "core/article.h"
#include "core/doc_store.h"
#include "core/schema.h"
#include "indexer/document_builder.h"
#include "indexer/index_lock.h"
#include "indexer/indexer.h"
#include "indexer/parts.h"
#include "indexer/task_pool.h"

namespace archive::indexer {

// When the last commit happened (ISO 8601, UTC), in Xapian and store metadata alike.
inline constexpr std::string_view kUpdatedAtKey = "updated_at";
inline constexpr std::string_view kStoreDirtyKey = schema::kStoreDirtyKey;

std::string IdTerm(std::string_view id);
uint64_t ParseCount(const std::string& text);
std::string NowUtc();  // "2024-05-01T12:00:00Z"

// Decodes an HTML body to text.
void DecodeHtmlBody(Article& article);

// Splits a document's data "<id>\n<hash>" (DocumentBuilder's format).
std::pair<std::string, std::string> SplitDocumentData(const std::string& data);

// An id changed in the pending revision: the version it now points at (none: removed) and
// the ones it replaces (deleted from the store once the new revision is committed).
struct PendingChange {
  std::optional<std::string> new_hash;
  std::optional<std::string> old_hash;
  std::vector<std::string> abandoned_hashes;  // earlier duplicates within this batch
};

struct Indexer::Impl {
  std::string index_dir;
  uint64_t generation = 0;
  uint64_t revision = 0;
  std::unique_ptr<IndexLock> lock;
  Xapian::WritableDatabase db;
  std::unique_ptr<DocStore> store;
  size_t threads = 1;
  std::unordered_map<std::string, PendingChange> pending;
  std::unordered_set<std::string> seen;  // ids given to Add() in this batch (for pruning)
  bool in_transaction = false;
  bool store_dirty = false;
  bool recovered = false;  // Open() had to repair the store
  // Articles to (re)index are analysed on worker threads in batches, then applied to the
  // store and Xapian here, in the order Add() received them.
  ArticleBatch batch;  // not yet handed to a worker
  std::deque<std::future<StatusOr<BuiltBatch>>> analysing;
  SpellingCounts spelling;         // of everything applied in this update
  std::unique_ptr<TaskPool> pool;  // started at the first change; last member, so that
                                   // its destructor finishes tasks before the rest goes

  Status OpenGeneration();
  Status BeginChange();
  Status SubmitBatch();
  Status ApplyAnalysed(bool wait_all);  // applies finished batches; all of them when asked
  Status ApplyBuilt(BuiltBatch& built);
  Status ApplyToStore();
  Status ApplyChange(const std::string& id, const PendingChange& change);
  // indexer_recovery.cc
  Status RecoverIfNeeded();
  Status Recover();
};

}  // namespace archive::indexer
