#include "indexer/rebuilder.h"

#include <xapian.h>

#include <filesystem>
#include <unordered_map>

#include "core/index_layout.h"
#include "core/schema.h"
#include "core/xapian_errors.h"
#include "indexer/crash_point.h"
#include "indexer/generations.h"
#include "indexer/indexer_internal.h"

namespace archive::indexer {

struct Rebuilder::Impl {
  explicit Impl(Analyzer a) : analyzer(std::move(a)) {}

  StatusOr<AddOutcome> Compare(const std::string& id, const std::string& hash) const;
  Status Seal();  // commit, record the revision, sync; the generation is then complete
  StatusOr<uint64_t> CountRemoved() const;

  RebuildOptions options;
  std::unique_ptr<IndexLock> lock;
  std::optional<uint64_t> live;
  uint64_t generation = 0;
  Xapian::WritableDatabase db;
  std::unique_ptr<DocStore> store;
  std::unique_ptr<DocStore> live_store;  // null when nothing is live
  Analyzer analyzer;
  DocumentBuilder builder{analyzer};
  std::unordered_map<std::string, std::string> ids;  // id → hash in the new generation
  uint64_t unflushed = 0;
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

Status Rebuilder::Impl::Seal() {
  const std::string now = NowUtc();
  ARCHIVE_RETURN_IF_ERROR(CallXapian("committing the new generation", [&] {
    db.set_metadata(std::string(schema::kSchemaVersionKey), std::to_string(schema::kVersion));
    db.set_metadata(std::string(schema::kRevisionKey), "1");
    db.set_metadata(std::string(kUpdatedAtKey), now);
    db.commit();
    db.close();
  }));
  ARCHIVE_RETURN_IF_ERROR(store->PutMetadata(schema::kRevisionKey, "1"));
  ARCHIVE_RETURN_IF_ERROR(store->PutMetadata(kUpdatedAtKey, now));
  ARCHIVE_RETURN_IF_ERROR(store->PutMetadata(kStoreDirtyKey, "0"));
  ARCHIVE_RETURN_IF_ERROR(store->Sync());
  store.reset();
  // Xapian and RocksDB sync their files; the directory entries that name them are ours.
  for (const std::string& dir : {index_layout::XapianPath(options.index_dir, generation),
                                 index_layout::StorePath(options.index_dir, generation),
                                 index_layout::GenerationPath(options.index_dir, generation)})
    ARCHIVE_RETURN_IF_ERROR(index_layout::SyncDirectory(dir));
  return Status::Ok();
}

Rebuilder::Rebuilder(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Rebuilder::~Rebuilder() {
  if (!impl_ || impl_->finished) return;
  Status ignored = CallXapian("abandoning rebuild", [&] { impl_->db.close(); });
  (void)ignored;  // the directory goes anyway
  impl_->store.reset();
  std::error_code error;
  std::filesystem::remove_all(
      index_layout::GenerationPath(impl_->options.index_dir, impl_->generation), error);
}

StatusOr<std::unique_ptr<Rebuilder>> Rebuilder::Open(const RebuildOptions& options) {
  std::error_code error;
  std::filesystem::create_directories(options.index_dir, error);
  if (error) return Status::IOError("creating " + options.index_dir + ": " + error.message());
  ARCHIVE_ASSIGN_OR_RETURN(Analyzer analyzer, Analyzer::Create());
  auto impl = std::make_unique<Impl>(std::move(analyzer));
  impl->options = options;
  ARCHIVE_ASSIGN_OR_RETURN(impl->lock, IndexLock::Acquire(options.index_dir, options.holder));
  ARCHIVE_ASSIGN_OR_RETURN(impl->live, index_layout::ReadCurrent(options.index_dir));
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
  ARCHIVE_RETURN_IF_ERROR(CallXapian("creating the new generation", [&] {
    state.db = Xapian::WritableDatabase(
        index_layout::XapianPath(options.index_dir, state.generation), Xapian::DB_CREATE);
    state.builder.EnableSpelling(state.db);
  }));
  ARCHIVE_ASSIGN_OR_RETURN(
      state.store, DocStore::Open(index_layout::StorePath(options.index_dir, state.generation),
                                  DocStore::Mode::kReadWrite));
  if (state.live) {
    auto live_store = DocStore::Open(index_layout::StorePath(options.index_dir, *state.live),
                                     DocStore::Mode::kReadOnly);
    if (live_store.ok()) {
      state.live_store = std::move(*live_store);
    } else if (live_store.status().code() != StatusCode::kNotFound) {
      return live_store.status();
    }
  }
  return rebuilder;
}

StatusOr<AddOutcome> Rebuilder::Add(Article article) {
  Impl& impl = *impl_;
  const std::string hash = PrepareArticle(article);
  auto [entry, inserted] = impl.ids.try_emplace(article.id, hash);
  // Nobody reads this generation before CURRENT names it, so the current pointer can be
  // set at once, and Xapian may flush whenever its batch is full.
  ARCHIVE_RETURN_IF_ERROR(impl.store->Put(article, hash));
  ARCHIVE_RETURN_IF_ERROR(impl.store->SetCurrent(article.id, hash));
  if (!inserted && entry->second != hash)
    ARCHIVE_RETURN_IF_ERROR(impl.store->DeleteVersion(article.id, entry->second));
  entry->second = hash;
  ARCHIVE_RETURN_IF_ERROR(CallXapian("indexing " + article.id, [&] {
    Xapian::Document document = impl.builder.Build(article, hash);
    if (inserted) {
      impl.db.add_document(document);
    } else {
      impl.db.replace_document(IdTerm(article.id), document);
    }
    if (++impl.unflushed >= impl.options.documents_per_flush) {
      impl.db.commit();
      impl.unflushed = 0;
    }
  }));
  CrashPoint(kCrashRebuildAdd);
  if (!inserted) {
    ++summary_.duplicates;
    return AddOutcome::kDuplicate;
  }
  ARCHIVE_ASSIGN_OR_RETURN(AddOutcome outcome, impl.Compare(article.id, hash));
  if (outcome == AddOutcome::kAdded) ++summary_.added;
  if (outcome == AddOutcome::kChanged) ++summary_.changed;
  if (outcome == AddOutcome::kUnchanged) ++summary_.unchanged;
  return outcome;
}

StatusOr<UpdateSummary> Rebuilder::Finish() {
  Impl& impl = *impl_;
  ARCHIVE_ASSIGN_OR_RETURN(summary_.removed, impl.CountRemoved());
  impl.live_store.reset();
  ARCHIVE_RETURN_IF_ERROR(impl.Seal());
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
