#include "query/index_snapshot.h"

#include "core/index_layout.h"
#include "core/schema.h"
#include "core/xapian_errors.h"

namespace archive::query {
namespace {

StatusOr<uint64_t> LiveGeneration(const std::string& index_dir) {
  ARCHIVE_ASSIGN_OR_RETURN(std::optional<uint64_t> current, index_layout::ReadCurrent(index_dir));
  if (!current)
    return Status::NotFound("no committed index in " + index_dir +
                            " (run archive-index update first)");
  return *current;
}

}  // namespace

uint64_t IndexSnapshot::RevisionOf(const Xapian::Database& db) {
  std::string revision = db.get_metadata(std::string(schema::kRevisionKey));
  return revision.empty() ? 0 : std::stoull(revision);
}

StatusOr<std::pair<uint64_t, uint64_t>> IndexSnapshot::LiveState(const std::string& index_dir) {
  ARCHIVE_ASSIGN_OR_RETURN(uint64_t generation, LiveGeneration(index_dir));
  uint64_t revision = 0;
  ARCHIVE_RETURN_IF_ERROR(CallXapian("opening index", [&] {
    revision = RevisionOf(Xapian::Database(index_layout::XapianPath(index_dir, generation)));
  }));
  return std::make_pair(generation, revision);
}

StatusOr<std::shared_ptr<IndexSnapshot>> IndexSnapshot::Open(const std::string& index_dir) {
  ARCHIVE_ASSIGN_OR_RETURN(uint64_t generation, LiveGeneration(index_dir));
  std::shared_ptr<IndexSnapshot> snapshot(new IndexSnapshot());
  snapshot->generation_ = generation;
  snapshot->xapian_path_ = index_layout::XapianPath(index_dir, generation);

  auto db = std::make_unique<Xapian::Database>();
  std::string schema_version;
  ARCHIVE_RETURN_IF_ERROR(CallXapian("opening index", [&] {
    *db = Xapian::Database(snapshot->xapian_path_);
    schema_version = db->get_metadata(std::string(schema::kSchemaVersionKey));
    snapshot->revision_ = RevisionOf(*db);
  }));
  if (schema_version != std::to_string(schema::kVersion))
    return Status::FailedPrecondition("index " + index_dir + " has schema version \"" +
                                      schema_version + "\", this build reads " +
                                      std::to_string(schema::kVersion) + ": rebuild needed");
  // The store is opened after the Xapian revision was read: it then holds at least every
  // version that revision's documents name (the writer stores versions before it commits).
  ARCHIVE_ASSIGN_OR_RETURN(
      snapshot->store_,
      DocStore::Open(index_layout::StorePath(index_dir, generation), DocStore::Mode::kReadOnly));
  // Until the indexer writes authors into the facet slot, they come from the stored text.
  const DocStore& store = *snapshot->store_;
  Xapian::Database& handle = *db;
  auto stored_authors = [&store, &handle](Xapian::docid docid) -> std::vector<std::string> {
    const std::string data = handle.get_document(docid).get_data();
    const size_t newline = data.find('\n');
    if (newline == std::string::npos) return {};
    StatusOr<Article> article = store.Get(data.substr(0, newline), data.substr(newline + 1));
    return article.ok() ? article->authors : std::vector<std::string>();
  };
  ARCHIVE_RETURN_IF_ERROR(CallXapian(
      "loading facets", [&] { snapshot->facets_ = FacetTable::Load(*db, stored_authors); }));
  snapshot->idle_.push_back(std::move(db));
  return snapshot;
}

StatusOr<Article> IndexSnapshot::Get(std::string_view id, std::string_view hash) const {
  if (!sharded()) return store_->Get(id, hash);
  return GetFromShards(id, hash);
}

std::unique_ptr<Xapian::Database> IndexSnapshot::Borrow() const {
  {
    std::lock_guard<std::mutex> lock(pool_mutex_);
    if (!idle_.empty()) {
      std::unique_ptr<Xapian::Database> db = std::move(idle_.back());
      idle_.pop_back();
      return db;
    }
  }
  if (sharded()) return OpenCombined();
  return std::make_unique<Xapian::Database>(xapian_path_);
}

std::unique_ptr<Xapian::Database> IndexSnapshot::BorrowSameRevision() const {
  std::unique_ptr<Xapian::Database> db = Borrow();
  if (RevisionOf(*db) != revision_) return nullptr;  // dropped, as WithContext drops one
  return db;
}

void IndexSnapshot::Return(std::unique_ptr<Xapian::Database> db) const {
  std::lock_guard<std::mutex> lock(pool_mutex_);
  idle_.push_back(std::move(db));
}

void IndexSnapshot::DropIdle() const {
  std::lock_guard<std::mutex> lock(pool_mutex_);
  idle_.clear();
}

}  // namespace archive::query
