#include "indexer/index_check.h"

#include <rocksdb/db.h>
#include <rocksdb/options.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

#include "core/doc_store.h"
#include "core/index_layout.h"
#include "core/rocksdb_errors.h"
#include "core/schema.h"
#include "core/xapian_errors.h"
#include "indexer/indexer_internal.h"

namespace archive::indexer {
namespace {

// The database a Xapian stub names, followed to the end: a read replica's generation
// holds a stub file ("auto xapian-a"), and xapian-replicate's directory another one
// (XAPIANDB: "auto replica_1"). Database::check takes a database, not a stub.
std::string FollowStubs(std::string path) {
  for (int depth = 0; depth < 4; ++depth) {
    std::error_code error;
    const std::filesystem::path stub = std::filesystem::is_directory(path, error)
                                           ? std::filesystem::path(path) / "XAPIANDB"
                                           : std::filesystem::path(path);
    std::ifstream in(stub);
    std::string line, type, target;
    while (std::getline(in, line) && (line.empty() || line[0] == '#')) {
    }
    std::istringstream(line) >> type >> target;
    if (type != "auto" || target.empty()) return path;
    path = (stub.parent_path() / target).string();
  }
  return path;
}

// Xapian's structural check of every table (what xapian-check prints, one problem per
// line of its report).
void CheckXapianTables(const std::string& path, IndexCheck& check) {
  std::ostringstream report;
  Status status = CallXapian("checking the Xapian database", [&] {
    size_t errors = Xapian::Database::check(FollowStubs(path), 0, &report);
    if (errors > 0)
      check.problems.push_back("xapian: " + std::to_string(errors) +
                               " errors found by the database check: " + report.str());
  });
  if (!status.ok()) check.problems.push_back("xapian: " + status.message());
}

// RocksDB with paranoid checks (a damaged manifest or log fails the open) and every
// block's checksum read back.
void CheckStoreChecksums(const std::string& path, IndexCheck& check) {
  rocksdb::Options options;
  options.paranoid_checks = true;
  options.max_open_files = 64;
  rocksdb::DB* raw = nullptr;
  rocksdb::Status opened = rocksdb::DB::OpenForReadOnly(options, path, &raw);
  std::unique_ptr<rocksdb::DB> db(raw);
  Status status = FromRocksDb("opening the store with paranoid checks", opened);
  if (status.ok()) status = FromRocksDb("verifying the store's checksums", db->VerifyChecksum());
  if (!status.ok()) check.problems.push_back("store: " + status.message());
}

// id -> hash of every document a reader sees; an id indexed twice is a problem.
std::map<std::string, std::string> ServedDocuments(const std::string& path, IndexCheck& check) {
  std::map<std::string, std::string> served;
  Status status = CallXapian("reading the indexed documents", [&] {
    Xapian::Database db(path);
    check.revision = ParseCount(db.get_metadata(std::string(schema::kRevisionKey)));
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
      auto [id, hash] = SplitDocumentData(db.get_document(*it).get_data());
      if (!served.emplace(id, hash).second)
        check.problems.push_back("xapian: " + id + " is indexed more than once");
    }
  });
  if (!status.ok()) check.problems.push_back("xapian: " + status.message());
  return served;
}

// The store holds every served version, and its current pointers agree with Xapian unless
// it says that an interrupted writer left them for the next one to repair.
void CrossCheck(const DocStore& store, const std::map<std::string, std::string>& served,
                IndexCheck& check) {
  for (const auto& [id, hash] : served) {
    StatusOr<Article> article = store.Get(id, hash);
    if (!article.ok())
      check.problems.push_back("store: " + id + " is served but its version " + hash +
                               " cannot be read: " + article.status().message());
  }
  std::map<std::string, std::string> current;
  Status listed = store.ForEachCurrent(
      [&](std::string_view id, std::string_view hash) { current.emplace(id, hash); });
  if (listed.ok())
    listed =
        store.ForEachVersion([&](std::string_view, std::string_view) { ++check.stored_versions; });
  if (!listed.ok()) {
    check.problems.push_back("store: " + listed.message());
    return;
  }
  auto revision = store.GetMetadata(schema::kRevisionKey);
  auto dirty = store.GetMetadata(kStoreDirtyKey);
  check.pending_repair = !revision.ok() || !dirty.ok() ||
                         ParseCount(revision->value_or("")) != check.revision ||
                         dirty->value_or("0") != "0";
  if (current == served || check.pending_repair) return;
  for (const auto& [id, hash] : served) {
    auto it = current.find(id);
    if (it == current.end() || it->second != hash)
      check.problems.push_back("store: " + id + " is served as " + hash +
                               " but its current pointer says " +
                               (it == current.end() ? "nothing" : it->second));
  }
  for (const auto& [id, hash] : current) {
    if (!served.contains(id))
      check.problems.push_back("store: " + id + " has a current pointer but is not indexed");
  }
}

}  // namespace

StatusOr<IndexCheck> CheckIndex(const std::string& index_dir) {
  IndexCheck check;
  ARCHIVE_ASSIGN_OR_RETURN(std::optional<uint64_t> live, index_layout::ReadCurrent(index_dir));
  if (!live) return check;
  check.generation = *live;
  const std::string xapian_path = index_layout::XapianPath(index_dir, *live);
  const std::string store_path = index_layout::StorePath(index_dir, *live);
  CheckXapianTables(xapian_path, check);
  CheckStoreChecksums(store_path, check);
  std::map<std::string, std::string> served = ServedDocuments(xapian_path, check);
  check.articles = served.size();
  check.served.assign(served.begin(), served.end());
  auto store = DocStore::Open(store_path, DocStore::Mode::kReadOnly);
  if (!store.ok()) {
    check.problems.push_back("store: " + store.status().message());
    return check;
  }
  CrossCheck(**store, served, check);
  return check;
}

}  // namespace archive::indexer
