#include "indexer/indexer.h"

#include <xapian.h>

#include <filesystem>
#include <optional>
#include <unordered_map>

#include "core/analyzer.h"
#include "core/content_hash.h"
#include "core/doc_store.h"
#include "core/html_text.h"
#include "core/index_layout.h"
#include "core/schema.h"
#include "core/xapian_errors.h"
#include "indexer/document_builder.h"
#include "indexer/index_lock.h"

namespace archive::indexer {
namespace {

// An id changed in the pending revision: the version it now points at and the one it
// replaces (deleted from the store once the new revision is committed).
struct PendingChange {
  std::string new_hash;
  std::optional<std::string> old_hash;
  std::vector<std::string> abandoned_hashes;  // earlier duplicates within this batch
};

std::string IdTerm(std::string_view id) { return std::string(schema::kIdPrefix) + std::string(id); }

uint64_t ParseCount(const std::string& text) { return text.empty() ? 0 : std::stoull(text); }

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

struct Indexer::Impl {
  std::string index_dir;
  uint64_t generation = 0;
  uint64_t revision = 0;
  std::unique_ptr<IndexLock> lock;
  Xapian::WritableDatabase db;
  std::unique_ptr<DocStore> store;
  Analyzer analyzer;
  DocumentBuilder builder{analyzer};
  std::unordered_map<std::string, PendingChange> pending;
  bool in_transaction = false;

  explicit Impl(Analyzer a) : analyzer(std::move(a)) {}

  Status OpenGeneration();
  Status ApplyToStore();
};

Status Indexer::Impl::OpenGeneration() {
  ARCHIVE_ASSIGN_OR_RETURN(std::optional<uint64_t> current, index_layout::ReadCurrent(index_dir));
  if (!current) {
    generation = 1;
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

// Runs after the Xapian commit: only now may the store's current pointers move and the
// superseded versions go, because a reader on the previous revision still needed them.
Status Indexer::Impl::ApplyToStore() {
  for (const auto& [id, change] : pending) {
    ARCHIVE_RETURN_IF_ERROR(store->SetCurrent(id, change.new_hash));
    if (change.old_hash && *change.old_hash != change.new_hash)
      ARCHIVE_RETURN_IF_ERROR(store->DeleteVersion(id, *change.old_hash));
    for (const std::string& abandoned : change.abandoned_hashes) {
      if (abandoned != change.new_hash)
        ARCHIVE_RETURN_IF_ERROR(store->DeleteVersion(id, abandoned));
    }
  }
  ARCHIVE_RETURN_IF_ERROR(store->PutMetadata(schema::kRevisionKey, std::to_string(revision)));
  return store->Sync();
}

Indexer::Indexer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Indexer::~Indexer() {
  if (impl_ && impl_->in_transaction) {
    Status ignored = CallXapian("cancelling update", [&] { impl_->db.cancel_transaction(); });
    (void)ignored;  // nothing was committed; the previous revision stays live
  }
}

StatusOr<std::unique_ptr<Indexer>> Indexer::Open(const IndexerOptions& options) {
  std::error_code error;
  std::filesystem::create_directories(options.index_dir, error);
  if (error) return Status::IOError("creating " + options.index_dir + ": " + error.message());
  ARCHIVE_ASSIGN_OR_RETURN(Analyzer analyzer, Analyzer::Create());
  auto impl = std::make_unique<Impl>(std::move(analyzer));
  impl->index_dir = options.index_dir;
  ARCHIVE_ASSIGN_OR_RETURN(impl->lock, IndexLock::Acquire(options.index_dir, options.holder));
  ARCHIVE_RETURN_IF_ERROR(impl->OpenGeneration());
  return std::unique_ptr<Indexer>(new Indexer(std::move(impl)));
}

StatusOr<AddOutcome> Indexer::Add(Article article) {
  const std::string hash = ContentHash(article);  // of the article as received
  if (LooksLikeHtml(article.body)) article.body = HtmlToText(article.body);

  Impl& impl = *impl_;
  auto pending = impl.pending.find(article.id);
  std::optional<std::string> stored_hash;
  if (pending == impl.pending.end()) {
    ARCHIVE_ASSIGN_OR_RETURN(stored_hash, impl.store->CurrentHash(article.id));
    if (stored_hash == hash) {
      ++summary_.unchanged;
      return AddOutcome::kUnchanged;
    }
  }

  ARCHIVE_RETURN_IF_ERROR(impl.store->Put(article, hash));
  ARCHIVE_RETURN_IF_ERROR(CallXapian("indexing " + article.id, [&] {
    if (!impl.in_transaction) {
      impl.db.begin_transaction();
      impl.in_transaction = true;
    }
    impl.db.replace_document(IdTerm(article.id), impl.builder.Build(article, hash));
  }));

  if (pending != impl.pending.end()) {
    ++summary_.duplicates;
    pending->second.abandoned_hashes.push_back(pending->second.new_hash);
    pending->second.new_hash = hash;
    return AddOutcome::kDuplicate;
  }
  impl.pending.emplace(article.id, PendingChange{hash, stored_hash, {}});
  if (stored_hash) {
    ++summary_.changed;
    return AddOutcome::kChanged;
  }
  ++summary_.added;
  return AddOutcome::kAdded;
}

StatusOr<UpdateSummary> Indexer::Commit() {
  Impl& impl = *impl_;
  if (impl.in_transaction) {
    // The new versions must be durable in the store before any reader can see postings
    // that point at them.
    ARCHIVE_RETURN_IF_ERROR(impl.store->Sync());
    ARCHIVE_RETURN_IF_ERROR(CallXapian("committing update", [&] {
      impl.db.set_metadata(std::string(schema::kRevisionKey), std::to_string(impl.revision + 1));
      impl.db.commit_transaction();
      impl.in_transaction = false;
    }));
    ++impl.revision;
    ARCHIVE_RETURN_IF_ERROR(impl.ApplyToStore());
    impl.pending.clear();
  }
  UpdateSummary summary = summary_;
  summary.generation = impl.generation;
  summary.revision = impl.revision;
  ARCHIVE_RETURN_IF_ERROR(
      CallXapian("counting documents", [&] { summary.articles = impl.db.get_doccount(); }));
  summary_ = UpdateSummary();
  return summary;
}

}  // namespace archive::indexer
