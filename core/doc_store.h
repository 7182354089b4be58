// DocStore: the RocksDB store beside a Xapian database. It keeps every indexed version of
// each article (keyed by id and content hash, so a reader on any committed Xapian revision
// finds exactly the text its postings came from), a pointer to each id's current version,
// and index-wide metadata.
//
// One process may open a store read-write; any number may open it read-only (a read-only
// handle sees the store as it was when opened). Thread-safe for concurrent reads.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "core/status_or.h"

namespace rocksdb {
class DB;
}

namespace archive {

class DocStore {
 public:
  // kBulkLoad: read-write on a new store that nobody reads before it is complete (a
  // rebuild's new generation). Writes skip RocksDB's log, and Sync() writes everything to
  // table files compacted to the bottom level (the smallest form on disk) instead.
  enum class Mode { kReadWrite, kReadOnly, kBulkLoad };

  // Opens (read-write: creating if missing) the store at `path`. kNotFound when a
  // read-only open finds nothing there; kUnavailable when another writer holds it.
  static StatusOr<std::unique_ptr<DocStore>> Open(const std::string& path, Mode mode);
  ~DocStore();

  // Stores `article` as version `hash` of its id. It becomes visible through Get() at
  // once, but is not the id's current version until SetCurrent().
  Status Put(const Article& article, std::string_view hash);

  // Put() and SetCurrent() for many articles (hashes[i] is articles[i]'s), in one write.
  // Thread-safe: several threads may call it at once.
  Status PutCurrent(const std::vector<Article>& articles, const std::vector<std::string>& hashes);

  // Makes version `hash` the id's current version.
  Status SetCurrent(std::string_view id, std::string_view hash);

  // The stored version `hash` of `id`; kNotFound if it is not there.
  StatusOr<Article> Get(std::string_view id, std::string_view hash) const;

  // The hash of `id`'s current version, or nullopt when the id is not in the store.
  StatusOr<std::optional<std::string>> CurrentHash(std::string_view id) const;

  // Removes one stored version (not the current pointer).
  Status DeleteVersion(std::string_view id, std::string_view hash);

  // Removes the id's current pointer (its versions stay until DeleteVersion).
  Status DeleteCurrent(std::string_view id);

  // Calls `visit(id, hash)` for every current article, in id order.
  Status ForEachCurrent(const std::function<void(std::string_view, std::string_view)>& visit) const;

  // Calls `visit(id, hash)` for every stored version, current or not, in id order.
  Status ForEachVersion(const std::function<void(std::string_view, std::string_view)>& visit) const;

  Status PutMetadata(std::string_view key, std::string_view value);
  StatusOr<std::optional<std::string>> GetMetadata(std::string_view key) const;

  // Makes everything written so far durable (syncs the write-ahead log).
  Status Sync();

  // Writes an openable copy of the store as it is now into `dir` (which must not exist),
  // without stopping a writer: table files are hard links when `dir` is on the same file
  // system, the rest is copied. Works on a read-only handle too (what publishing uses);
  // the copy may then include writes made after this handle was opened.
  Status Checkpoint(const std::string& dir) const;

 private:
  DocStore(std::unique_ptr<rocksdb::DB> db, Mode mode);

  std::unique_ptr<rocksdb::DB> db_;
  Mode mode_;
};

}  // namespace archive
