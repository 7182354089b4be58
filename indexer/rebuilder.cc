#include "indexer/rebuilder.h"

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <deque>
#include <filesystem>
#include <future>
#include <memory>
#include <unordered_map>

#include "core/content_hash.h"
#include "core/index_layout.h"
#include "core/schema.h"
#include "core/xapian_errors.h"
#include "indexer/crash_point.h"
#include "indexer/generations.h"
#include "indexer/indexer_internal.h"
#include "indexer/parts.h"
#include "indexer/task_pool.h"

namespace archive::indexer {

namespace {

std::string PartPath(const std::string& parts_dir, size_t part) {
  return parts_dir + "/" + std::to_string(1000000 + part).substr(1);  // 000042
}

}  // namespace

struct Rebuilder::Impl {
  StatusOr<AddOutcome> Compare(const std::string& id, const std::string& hash) const;
  Status SubmitPart();
  Status CheckParts(bool wait_all);  // collects finished parts; all of them when asked
  Status Merge();                    // parts → the generation's Xapian database
  // The generation's store: duplicates resolved, revision recorded, compacted and synced.
  Status SealStore(const std::string& now);
  // The Xapian side: revision recorded and committed; then the directories synced. The
  // generation is then complete.
  Status Seal(const std::string& now);
  StatusOr<uint64_t> CountRemoved() const;

  std::string XapianPath() const { return index_layout::XapianPath(options.index_dir, generation); }
  std::string PartsDir() const {
    return index_layout::GenerationPath(options.index_dir, generation) + "/parts";
  }

  struct Entry {
    std::string hash;
    uint64_t sequence = 0;  // docid - 1 in the merged database
  };
  struct Duplicate {
    std::vector<std::string> abandoned_hashes;  // stored by earlier Add()s of the id
    std::vector<uint64_t> superseded;           // their sequence numbers
  };

  RebuildOptions options;
  std::unique_ptr<IndexLock> lock;
  std::optional<uint64_t> live;
  uint64_t generation = 0;
  std::unique_ptr<DocStore> store;
  std::unique_ptr<DocStore> live_store;        // null when nothing is live
  std::unordered_map<std::string, Entry> ids;  // in the new generation
  std::unordered_map<std::string, Duplicate> duplicates;
  uint64_t sequence = 0;  // Add() calls so far
  ArticleBatch batch;     // not yet handed to a worker
  std::vector<std::string> parts;
  std::deque<std::future<Status>> running;
  std::unique_ptr<TaskPool> pool;  // last: its destructor finishes tasks using the above
  bool finished = false;
};

StatusOr<AddOutcome> Rebuilder::Impl::Compare(const std::string& id,
                                              const std::string& hash) const {
  if (!live_store) return AddOutcome::kAdded;
  ARCHIVE_ASSIGN_OR_RETURN(std::optional<std::string> live_hash, live_store->CurrentHash(id));
  if (!live_hash) return AddOutcome::kAdded;
  return *live_hash == hash ? AddOutcome::kUnchanged : AddOutcome::kChanged;
}

StatusOr<uint64_t> Rebuilder::Impl::CountRemoved() const {
  uint64_t removed = 0;
  if (!live_store) return removed;
  ARCHIVE_RETURN_IF_ERROR(live_store->ForEachCurrent([&](std::string_view id, std::string_view) {
    if (!ids.contains(std::string(id))) ++removed;
  }));
  return removed;
}

Status Rebuilder::Impl::SubmitPart() {
  if (batch.size() == 0) return Status::Ok();
  parts.push_back(PartPath(PartsDir(), parts.size()));
  auto done = std::make_shared<std::promise<Status>>();
  running.push_back(done->get_future());
  pool->Submit(
      [done, path = parts.back(), part = std::move(batch), target = store.get()]() mutable {
        done->set_value(WritePart(path, std::move(part), *target));
      });
  batch = ArticleBatch();
  return CheckParts(false);
}

// Bounded: a fast reader waits for the workers rather than holding the archive in memory.
Status Rebuilder::Impl::CheckParts(bool wait_all) {
  const size_t limit = wait_all ? 0 : 2 * std::max<size_t>(1, options.threads);
  while (!running.empty()) {
    bool ready = running.front().wait_for(std::chrono::seconds(0)) == std::future_status::ready;
    if (!ready && running.size() <= limit) break;
    Status status = running.front().get();
    running.pop_front();
    ARCHIVE_RETURN_IF_ERROR(status);
  }
  return Status::Ok();
}

// Documents replaced by a later Add() of the same id go after the merge, where their
// docids are known (their sequence numbers); each is checked to be the one meant.
Status Rebuilder::Impl::Merge() {
  std::error_code error;
  std::filesystem::create_directories(PartsDir(), error);  // a rebuild with no articles
  if (parts.empty()) {
    ARCHIVE_RETURN_IF_ERROR(CallXapian("creating the new generation", [&] {
      Xapian::WritableDatabase(XapianPath(), Xapian::DB_CREATE).close();
    }));
  } else {
    ARCHIVE_RETURN_IF_ERROR(MergeParts(parts, XapianPath()));
  }
  std::filesystem::remove_all(PartsDir(), error);
  if (error) return Status::IOError("removing " + PartsDir() + ": " + error.message());
  if (duplicates.empty()) return Status::Ok();
  return CallXapian("removing replaced duplicates", [&] {
    Xapian::WritableDatabase db(XapianPath(), Xapian::DB_OPEN);
    for (const auto& [id, duplicate] : duplicates) {
      for (size_t i = 0; i < duplicate.superseded.size(); ++i) {
        const Xapian::docid docid = static_cast<Xapian::docid>(duplicate.superseded[i] + 1);
        if (db.get_document(docid).get_data() != id + "\n" + duplicate.abandoned_hashes[i])
          throw Xapian::InternalError("merged docid " + std::to_string(docid) + " is not " + id);
        db.delete_document(docid);
      }
    }
    db.commit();
    db.close();
  });
}

Status Rebuilder::Impl::SealStore(const std::string& now) {
  for (const auto& [id, duplicate] : duplicates) {
    const std::string& hash = ids.at(id).hash;
    ARCHIVE_RETURN_IF_ERROR(store->SetCurrent(id, hash));
    for (const std::string& abandoned : duplicate.abandoned_hashes)
      if (abandoned != hash) ARCHIVE_RETURN_IF_ERROR(store->DeleteVersion(id, abandoned));
  }
  ARCHIVE_RETURN_IF_ERROR(store->PutMetadata(schema::kRevisionKey, "1"));
  ARCHIVE_RETURN_IF_ERROR(store->PutMetadata(kUpdatedAtKey, now));
  ARCHIVE_RETURN_IF_ERROR(store->PutMetadata(kStoreDirtyKey, "0"));
  ARCHIVE_RETURN_IF_ERROR(store->Sync());
  store.reset();
  return Status::Ok();
}

Status Rebuilder::Impl::Seal(const std::string& now) {
  ARCHIVE_RETURN_IF_ERROR(CallXapian("committing the new generation", [&] {
    Xapian::WritableDatabase db(XapianPath(), Xapian::DB_OPEN);
    db.set_metadata(std::string(schema::kSchemaVersionKey), std::to_string(schema::kVersion));
    db.set_metadata(std::string(schema::kRevisionKey), "1");
    db.set_metadata(std::string(kUpdatedAtKey), now);
    db.commit();
    db.close();
  }));
  // Xapian and RocksDB sync their files; the directory entries that name them are ours.
  for (const std::string& dir :
       {XapianPath(), index_layout::StorePath(options.index_dir, generation),
        index_layout::GenerationPath(options.index_dir, generation)})
    ARCHIVE_RETURN_IF_ERROR(index_layout::SyncDirectory(dir));
  return Status::Ok();
}

Rebuilder::Rebuilder(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Rebuilder::~Rebuilder() {
  if (!impl_ || impl_->finished) return;
  impl_->pool.reset();  // the workers finish their parts before the directory goes
  impl_->running.clear();
  impl_->store.reset();
  std::error_code error;
  std::filesystem::remove_all(
      index_layout::GenerationPath(impl_->options.index_dir, impl_->generation), error);
}

StatusOr<std::unique_ptr<Rebuilder>> Rebuilder::Open(const RebuildOptions& options) {
  std::error_code error;
  std::filesystem::create_directories(options.index_dir, error);
  if (error) return Status::IOError("creating " + options.index_dir + ": " + error.message());
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  if (impl->options.threads == 0) impl->options.threads = DefaultThreads();
  impl->options.articles_per_part = std::max<size_t>(1, options.articles_per_part);
  ARCHIVE_ASSIGN_OR_RETURN(impl->lock, IndexLock::Acquire(options.index_dir, options.holder));
  ARCHIVE_ASSIGN_OR_RETURN(impl->live, index_layout::ReadCurrent(options.index_dir));
  if (impl->live && options.only_if_empty) return std::unique_ptr<Rebuilder>();
  ARCHIVE_ASSIGN_OR_RETURN(impl->generation, NextGeneration(options.index_dir, impl->live));
  const std::string path = index_layout::GenerationPath(options.index_dir, impl->generation);
  std::filesystem::create_directories(path, error);
  if (error) return Status::IOError("creating " + path + ": " + error.message());
  // The new directory exists (durably) before stale ones go, so its number stays the
  // highest ever used even if this run dies now.
  ARCHIVE_RETURN_IF_ERROR(index_layout::SyncDirectory(options.index_dir));
  std::unique_ptr<Rebuilder> rebuilder(new Rebuilder(std::move(impl)));
  Impl& state = *rebuilder->impl_;
  ARCHIVE_RETURN_IF_ERROR(
      RemoveStaleGenerations(options.index_dir, state.live.value_or(0), state.generation));
  std::filesystem::create_directories(state.PartsDir(), error);
  if (error) return Status::IOError("creating " + state.PartsDir() + ": " + error.message());
  ARCHIVE_ASSIGN_OR_RETURN(
      state.store, DocStore::Open(index_layout::StorePath(options.index_dir, state.generation),
                                  DocStore::Mode::kBulkLoad));
  if (state.live) {
    auto live_store = DocStore::Open(index_layout::StorePath(options.index_dir, *state.live),
                                     DocStore::Mode::kReadOnly);
    if (live_store.ok()) {
      state.live_store = std::move(*live_store);
    } else if (live_store.status().code() != StatusCode::kNotFound) {
      return live_store.status();
    }
  }
  state.pool = std::make_unique<TaskPool>(state.options.threads, state.options.threads);
  return rebuilder;
}

StatusOr<AddOutcome> Rebuilder::Add(Article article) {
  Impl& impl = *impl_;
  std::string hash = ContentHash(article);  // of the article as received
  auto [entry, inserted] = impl.ids.try_emplace(article.id, Impl::Entry{hash, impl.sequence});
  if (!inserted) {
    // The last one wins: the earlier document goes after the merge, its version at Seal.
    Impl::Duplicate& duplicate = impl.duplicates[article.id];
    duplicate.abandoned_hashes.push_back(entry->second.hash);
    duplicate.superseded.push_back(entry->second.sequence);
    entry->second = Impl::Entry{hash, impl.sequence};
  }
  ++impl.sequence;
  const std::string id = article.id;
  impl.batch.articles.push_back(std::move(article));
  impl.batch.hashes.push_back(hash);
  if (impl.batch.size() >= impl.options.articles_per_part) {
    ARCHIVE_RETURN_IF_ERROR(impl.SubmitPart());
  } else {
    ARCHIVE_RETURN_IF_ERROR(impl.CheckParts(false));
  }
  CrashPoint(kCrashRebuildAdd);
  if (!inserted) {
    ++summary_.duplicates;
    return AddOutcome::kDuplicate;
  }
  ARCHIVE_ASSIGN_OR_RETURN(AddOutcome outcome, impl.Compare(id, hash));
  if (outcome == AddOutcome::kAdded) ++summary_.added;
  if (outcome == AddOutcome::kChanged) ++summary_.changed;
  if (outcome == AddOutcome::kUnchanged) ++summary_.unchanged;
  return outcome;
}

StatusOr<UpdateSummary> Rebuilder::Finish() {
  Impl& impl = *impl_;
  ARCHIVE_RETURN_IF_ERROR(impl.SubmitPart());
  ARCHIVE_RETURN_IF_ERROR(impl.CheckParts(true));
  impl.pool.reset();
  ARCHIVE_ASSIGN_OR_RETURN(summary_.removed, impl.CountRemoved());
  impl.live_store.reset();
  // The store's final compaction and Xapian's merge each keep one core busy, and neither
  // reads what the other writes: they run side by side (a generation is complete, and
  // can be made live, only when both are done).
  const std::string now = NowUtc();
  std::future<Status> store_sealed =
      std::async(std::launch::async, [&impl, &now] { return impl.SealStore(now); });
  const Status merged = impl.Merge();
  const Status store_status = store_sealed.get();
  ARCHIVE_RETURN_IF_ERROR(merged);
  ARCHIVE_RETURN_IF_ERROR(store_status);
  ARCHIVE_RETURN_IF_ERROR(impl.Seal(now));
  CrashPoint(kCrashBeforeSwitch);
  Status switched = index_layout::WriteCurrent(impl.options.index_dir, impl.generation);
  if (!switched.ok()) {
    // When only the directory's sync failed, the rename has happened and CURRENT already
    // names this generation: it must not be removed as abandoned (found by io_faults).
    auto current = index_layout::ReadCurrent(impl.options.index_dir);
    impl.finished = current.ok() && *current == impl.generation;
    return switched;
  }
  impl.finished = true;
  CrashPoint(kCrashAfterSwitch);
  ARCHIVE_RETURN_IF_ERROR(RemoveStaleGenerations(impl.options.index_dir, impl.generation, 0));
  UpdateSummary summary = summary_;
  summary.generation = impl.generation;
  summary.revision = 1;
  summary.articles = impl.ids.size();
  return summary;
}

StatusOr<RollbackResult> Rollback(const std::string& index_dir, const std::string& holder) {
  ARCHIVE_ASSIGN_OR_RETURN(std::optional<uint64_t> live, index_layout::ReadCurrent(index_dir));
  ARCHIVE_ASSIGN_OR_RETURN(std::unique_ptr<IndexLock> lock, IndexLock::Acquire(index_dir, holder));
  ARCHIVE_ASSIGN_OR_RETURN(live, index_layout::ReadCurrent(index_dir));  // now under the lock
  if (!live) return Status::FailedPrecondition("nothing committed in " + index_dir + " yet");
  ARCHIVE_ASSIGN_OR_RETURN(std::optional<uint64_t> previous, PreviousGeneration(index_dir, *live));
  if (!previous)
    return Status::FailedPrecondition("no generation before " +
                                      index_layout::GenerationName(*live) + " to roll back to");
  RollbackResult result{*live, *previous, 0, 0};
  // Refuse a generation that does not open rather than make it live.
  ARCHIVE_RETURN_IF_ERROR(CallXapian("opening the previous generation", [&] {
    Xapian::Database db(index_layout::XapianPath(index_dir, *previous));
    result.revision = ParseCount(db.get_metadata(std::string(schema::kRevisionKey)));
    result.articles = db.get_doccount();
  }));
  ARCHIVE_RETURN_IF_ERROR(index_layout::WriteCurrent(index_dir, *previous));
  return result;
}

}  // namespace archive::indexer
