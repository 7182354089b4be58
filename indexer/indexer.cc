#include "indexer/indexer.h"

#include <cassert>
#include <chrono>
#include <ctime>
#include <filesystem>

#include "core/content_hash.h"
#include "core/html_text.h"
#include "core/index_layout.h"
#include "core/schema.h"
#include "core/xapian_errors.h"
#include "indexer/crash_point.h"
#include "indexer/generations.h"
#include "indexer/indexer_internal.h"
#include "indexer/task_pool.h"

namespace archive::indexer {

std::string IdTerm(std::string_view id) {
  std::string term(schema::kIdPrefix);
  term.append(id);  // not operator+: GCC 12 warns falsely (-Wrestrict) on it once inlined here
  return term;
}

uint64_t ParseCount(const std::string& text) { return text.empty() ? 0 : std::stoull(text); }

std::string NowUtc() {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof(text), "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

void DecodeHtmlBody(Article& article) {
  if (LooksLikeHtml(article.body)) article.body = HtmlToText(article.body);
}

std::pair<std::string, std::string> SplitDocumentData(const std::string& data) {
  size_t newline = data.find('\n');
  if (newline == std::string::npos) return {data, ""};
  return {data.substr(0, newline), data.substr(newline + 1)};
}

namespace {

Status CreateGeneration(const std::string& index_dir, uint64_t generation) {
  std::error_code error;
  std::filesystem::create_directories(index_layout::GenerationPath(index_dir, generation), error);
  if (error) return Status::IOError("creating generation in " + index_dir + ": " + error.message());
  return CallXapian("creating index", [&] {
    Xapian::WritableDatabase db(index_layout::XapianPath(index_dir, generation),
                                Xapian::DB_CREATE_OR_OPEN);
    db.set_metadata(std::string(schema::kSchemaVersionKey), std::to_string(schema::kVersion));
    db.set_metadata(std::string(schema::kRevisionKey), "0");
    db.commit();
  });
}

}  // namespace

Status Indexer::Impl::OpenGeneration() {
  ARCHIVE_ASSIGN_OR_RETURN(std::optional<uint64_t> current, index_layout::ReadCurrent(index_dir));
  if (!current) {
    // Without CURRENT, any generation directory is a half-built one from an interrupted
    // first rebuild: remove it (it must never become a rollback target) and take a fresh
    // number, never reusing one.
    ARCHIVE_ASSIGN_OR_RETURN(generation, NextGeneration(index_dir, std::nullopt));
    ARCHIVE_RETURN_IF_ERROR(RemoveStaleGenerations(index_dir, 0, 0));
    ARCHIVE_RETURN_IF_ERROR(CreateGeneration(index_dir, generation));
    ARCHIVE_RETURN_IF_ERROR(index_layout::WriteCurrent(index_dir, generation));
  } else {
    generation = *current;
  }
  std::string schema_version;
  ARCHIVE_RETURN_IF_ERROR(CallXapian("opening index", [&] {
    db = Xapian::WritableDatabase(index_layout::XapianPath(index_dir, generation), Xapian::DB_OPEN);
    schema_version = db.get_metadata(std::string(schema::kSchemaVersionKey));
    revision = ParseCount(db.get_metadata(std::string(schema::kRevisionKey)));
  }));
  if (schema_version != std::to_string(schema::kVersion))
    return Status::FailedPrecondition("index " + index_dir + " has schema version \"" +
                                      schema_version + "\", this build needs " +
                                      std::to_string(schema::kVersion) + ": rebuild needed");
  ARCHIVE_ASSIGN_OR_RETURN(store, DocStore::Open(index_layout::StorePath(index_dir, generation),
                                                 DocStore::Mode::kReadWrite));
  return Status::Ok();
}

// Called before the first change of a batch. The dirty mark precedes the new versions in
// the store's log, so a crash that leaves any of them behind leaves the mark too.
Status Indexer::Impl::BeginChange() {
  if (!store_dirty) {
    ARCHIVE_RETURN_IF_ERROR(store->PutMetadata(kStoreDirtyKey, "1"));
    store_dirty = true;
  }
  if (in_transaction) return Status::Ok();
  return CallXapian("starting update", [&] {
    db.begin_transaction();
    in_transaction = true;
  });
}

Status Indexer::Impl::ApplyChange(const std::string& id, const PendingChange& change) {
  if (change.new_hash) {
    ARCHIVE_RETURN_IF_ERROR(store->SetCurrent(id, *change.new_hash));
  } else {
    ARCHIVE_RETURN_IF_ERROR(store->DeleteCurrent(id));
  }
  if (change.old_hash && change.old_hash != change.new_hash)
    ARCHIVE_RETURN_IF_ERROR(store->DeleteVersion(id, *change.old_hash));
  for (const std::string& abandoned : change.abandoned_hashes) {
    if (abandoned != change.new_hash) ARCHIVE_RETURN_IF_ERROR(store->DeleteVersion(id, abandoned));
  }
  return Status::Ok();
}

// Runs after the Xapian commit: only now may the store's current pointers move and the
// superseded versions go, because a reader on the previous revision still needed them.
// The revision is recorded last: a store whose revision lags Xapian's is repaired at Open.
Status Indexer::Impl::ApplyToStore() {
  for (const auto& [id, change] : pending) {
    CrashPoint(kCrashApplyingToStore);
    ARCHIVE_RETURN_IF_ERROR(ApplyChange(id, change));
  }
  ARCHIVE_RETURN_IF_ERROR(store->PutMetadata(schema::kRevisionKey, std::to_string(revision)));
  ARCHIVE_RETURN_IF_ERROR(store->PutMetadata(kUpdatedAtKey, NowUtc()));
  ARCHIVE_RETURN_IF_ERROR(store->PutMetadata(kStoreDirtyKey, "0"));
  store_dirty = false;
  return store->Sync();
}

Indexer::Indexer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Indexer::~Indexer() {
  if (impl_ && impl_->in_transaction) {
    Status ignored = CallXapian("cancelling update", [&] { impl_->db.cancel_transaction(); });
    (void)ignored;  // nothing was committed; the previous revision stays live, and the
                    // versions already stored are collected by the next Open()
  }
}

StatusOr<std::unique_ptr<Indexer>> Indexer::Open(const IndexerOptions& options) {
  std::error_code error;
  std::filesystem::create_directories(options.index_dir, error);
  if (error) return Status::IOError("creating " + options.index_dir + ": " + error.message());
  auto impl = std::make_unique<Impl>();
  impl->index_dir = options.index_dir;
  impl->threads = options.threads == 0 ? DefaultThreads() : options.threads;
  ARCHIVE_ASSIGN_OR_RETURN(impl->lock, IndexLock::Acquire(options.index_dir, options.holder));
  ARCHIVE_RETURN_IF_ERROR(impl->OpenGeneration());
  ARCHIVE_RETURN_IF_ERROR(impl->RecoverIfNeeded());
  std::unique_ptr<Indexer> indexer(new Indexer(std::move(impl)));
  indexer->summary_.recovered = indexer->impl_->recovered;
  return indexer;
}

// Batches small enough that an update of one issue still uses every worker.
constexpr size_t kArticlesPerBatch = 16;

Status Indexer::Impl::SubmitBatch() {
  if (batch.size() == 0) return Status::Ok();
  if (!pool) pool = std::make_unique<TaskPool>(threads, threads);
  auto done = std::make_shared<std::promise<StatusOr<BuiltBatch>>>();
  analysing.push_back(done->get_future());
  pool->Submit(
      [done, work = std::move(batch)]() mutable { done->set_value(BuildBatch(std::move(work))); });
  batch = ArticleBatch();
  return ApplyAnalysed(false);
}

// Bounded: a fast reader waits for the workers rather than holding the batch in memory.
Status Indexer::Impl::ApplyAnalysed(bool wait_all) {
  const size_t limit = wait_all ? 0 : 2 * threads;
  while (!analysing.empty()) {
    bool ready = analysing.front().wait_for(std::chrono::seconds(0)) == std::future_status::ready;
    if (!ready && analysing.size() <= limit) break;
    StatusOr<BuiltBatch> built = analysing.front().get();
    analysing.pop_front();
    if (!built.ok()) return built.status();
    ARCHIVE_RETURN_IF_ERROR(ApplyBuilt(*built));
  }
  return Status::Ok();
}

// New versions go to the store before the documents that name them (see Commit()).
Status Indexer::Impl::ApplyBuilt(BuiltBatch& built) {
  for (size_t i = 0; i < built.batch.size(); ++i) {
    const Article& article = built.batch.articles[i];
    ARCHIVE_RETURN_IF_ERROR(store->Put(article, built.batch.hashes[i]));
    ARCHIVE_RETURN_IF_ERROR(CallXapian("indexing " + article.id, [&] {
      db.replace_document(IdTerm(article.id), built.documents[i]);
    }));
    CrashPoint(kCrashAfterAdd);
  }
  for (const auto& [word, frequency] : built.spelling) spelling[word] += frequency;
  return Status::Ok();
}

StatusOr<AddOutcome> Indexer::Add(Article article) {
  const std::string hash = ContentHash(article);  // of the article as received
  Impl& impl = *impl_;
  impl.seen.insert(article.id);
  auto pending = impl.pending.find(article.id);
  std::optional<std::string> stored_hash;
  if (pending == impl.pending.end()) {
    ARCHIVE_ASSIGN_OR_RETURN(stored_hash, impl.store->CurrentHash(article.id));
    if (stored_hash == hash) {
      ++summary_.unchanged;
      return AddOutcome::kUnchanged;
    }
  }

  ARCHIVE_RETURN_IF_ERROR(impl.BeginChange());
  const std::string id = article.id;
  impl.batch.articles.push_back(std::move(article));
  impl.batch.hashes.push_back(hash);
  if (impl.batch.size() >= kArticlesPerBatch) {
    ARCHIVE_RETURN_IF_ERROR(impl.SubmitBatch());
  } else {
    ARCHIVE_RETURN_IF_ERROR(impl.ApplyAnalysed(false));
  }

  if (pending != impl.pending.end()) {
    assert(pending->second.new_hash);  // REQUIRES of Delete(): no Add after Delete
    ++summary_.duplicates;
    pending->second.abandoned_hashes.push_back(*pending->second.new_hash);
    pending->second.new_hash = hash;
    return AddOutcome::kDuplicate;
  }
  impl.pending.emplace(id, PendingChange{hash, stored_hash, {}});
  if (stored_hash) {
    ++summary_.changed;
    return AddOutcome::kChanged;
  }
  ++summary_.added;
  return AddOutcome::kAdded;
}

StatusOr<bool> Indexer::Delete(const std::string& id) {
  Impl& impl = *impl_;
  assert(!impl.seen.contains(id));
  if (impl.pending.contains(id)) return true;  // already staged for removal
  ARCHIVE_ASSIGN_OR_RETURN(std::optional<std::string> stored_hash, impl.store->CurrentHash(id));
  if (!stored_hash) return false;
  ARCHIVE_RETURN_IF_ERROR(impl.BeginChange());
  ARCHIVE_RETURN_IF_ERROR(
      CallXapian("removing " + id, [&] { impl.db.delete_document(IdTerm(id)); }));
  impl.pending.emplace(id, PendingChange{std::nullopt, stored_hash, {}});
  ++summary_.removed;
  return true;
}

StatusOr<uint64_t> Indexer::RemoveUnseen(const std::function<bool(std::string_view id)>& keep) {
  std::vector<std::string> unseen;
  ARCHIVE_RETURN_IF_ERROR(impl_->store->ForEachCurrent([&](std::string_view id, std::string_view) {
    if (!impl_->seen.contains(std::string(id)) && !(keep && keep(id))) unseen.emplace_back(id);
  }));
  for (const std::string& id : unseen) ARCHIVE_RETURN_IF_ERROR(Delete(id).status());
  return unseen.size();
}

StatusOr<UpdateSummary> Indexer::Commit() {
  Impl& impl = *impl_;
  ARCHIVE_RETURN_IF_ERROR(impl.SubmitBatch());
  ARCHIVE_RETURN_IF_ERROR(impl.ApplyAnalysed(true));
  impl.pool.reset();
  if (impl.in_transaction) {
    ARCHIVE_RETURN_IF_ERROR(CallXapian("adding spelling data", [&] {
      AddSpelling(impl.spelling, impl.db);
      impl.spelling.clear();
    }));
    // The new versions must be durable in the store before any reader can see postings
    // that point at them.
    ARCHIVE_RETURN_IF_ERROR(impl.store->Sync());
    CrashPoint(kCrashBeforeXapianCommit);
    ARCHIVE_RETURN_IF_ERROR(CallXapian("committing update", [&] {
      impl.db.set_metadata(std::string(schema::kRevisionKey), std::to_string(impl.revision + 1));
      impl.db.set_metadata(std::string(kUpdatedAtKey), NowUtc());
      impl.db.commit_transaction();
      impl.in_transaction = false;
    }));
    ++impl.revision;
    CrashPoint(kCrashAfterXapianCommit);
    ARCHIVE_RETURN_IF_ERROR(impl.ApplyToStore());
    impl.pending.clear();
  }
  impl.seen.clear();
  UpdateSummary summary = summary_;
  summary.generation = impl.generation;
  summary.revision = impl.revision;
  ARCHIVE_RETURN_IF_ERROR(
      CallXapian("counting documents", [&] { summary.articles = impl.db.get_doccount(); }));
  summary_ = UpdateSummary();
  return summary;
}

}  // namespace archive::indexer
