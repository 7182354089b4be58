// IndexSnapshot: one committed state of the index (a generation at a revision) as a
// searcher sees it: its document store, its facet table and a pool of Xapian databases
// (a Xapian::Database is not thread-safe, so each running search borrows its own).
// Module-internal. Immutable apart from the pool, which is guarded; shared by reference
// count so that a refresh never pulls a snapshot from under a running search.
//
// A sharded snapshot (index_snapshot_shards.cc) opens several shards as one Xapian
// database (add_database: one ranking with global statistics) and keeps one document
// store per shard; shards that cannot be reached are left out and named in missing().
#pragma once

#include <xapian.h>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/doc_store.h"
#include "core/status_or.h"
#include "query/facet_table.h"
#include "query/match_set_cache.h"
#include "query/shard_set.h"

namespace archive::query {

struct SearchResult;
class IndexSnapshot;

// Marks `result` partial, with a notice per missing shard, when `snapshot` lacks some.
void NoteMissingShards(const IndexSnapshot& snapshot, SearchResult& result);

class IndexSnapshot {
 public:
  // Opens the live generation of `index_dir` at its latest revision.
  static StatusOr<std::shared_ptr<IndexSnapshot>> Open(const std::string& index_dir);

  // Which generation and revision `index_dir` has live now (cheap: reads CURRENT and one
  // metadata entry).
  static StatusOr<std::pair<uint64_t, uint64_t>> LiveState(const std::string& index_dir);

  // Opens `shards` as one index. A shard that cannot be reached or opened is left out
  // (and named in missing()) when `access.allow_partial`, else it fails the open
  // (kUnavailable). kUnavailable when no shard at all can be opened.
  struct ShardAccess {
    int timeout_ms = 5000;  // Xapian remote: connect and every reply
    bool allow_partial = true;
  };
  static StatusOr<std::shared_ptr<IndexSnapshot>> OpenShards(const std::vector<ShardSpec>& shards,
                                                             const ShardAccess& access);

  // What each shard has live now, in one string ("gen:rev" or "down" per shard): a
  // snapshot whose state() differs is stale.
  static std::string ShardsState(const std::vector<ShardSpec>& shards, const ShardAccess& access);

  // The revision a database handle is at (the writer's counter in its metadata).
  static uint64_t RevisionOf(const Xapian::Database& db);

  uint64_t generation() const { return generation_; }
  uint64_t revision() const { return revision_; }
  // The stored version `hash` of article `id`, from whichever shard holds it.
  StatusOr<Article> Get(std::string_view id, std::string_view hash) const;
  // Loaded at open for one index; for shards, on first use (it reads every document).
  const FacetTable& facets() const;
  // Match sets of this snapshot kept for the facet pass (query/match_set.h).
  MatchSetCache& match_sets() const { return match_sets_; }

  bool sharded() const { return !parts_.empty(); }
  // Shards left out of this snapshot ("tcp://host:port=dir: why"); empty when whole.
  const std::vector<std::string>& missing() const { return missing_; }
  const std::string& state() const { return state_; }

  // A database of this snapshot for the caller's exclusive use; give it back with
  // Return(). May throw Xapian::Error (the caller is inside CallXapian).
  std::unique_ptr<Xapian::Database> Borrow() const;
  void Return(std::unique_ptr<Xapian::Database> db) const;
  // Borrow(), or null when the pool's database is at another revision than the snapshot
  // (opened after a commit): for a search's second thread, which must see what the first
  // sees. May throw Xapian::Error.
  std::unique_ptr<Xapian::Database> BorrowSameRevision() const;
  void DropIdle() const;  // forgets every pooled database

 private:
  IndexSnapshot() = default;

  struct Part {  // one reachable shard
    ShardSpec spec;
    std::unique_ptr<DocStore> store;
    std::string xapian_path;  // local shards
  };
  static StatusOr<Part> OpenPart(const ShardSpec& spec, const ShardAccess& access,
                                 uint64_t* generation, uint64_t* revision);
  static std::unique_ptr<Xapian::Database> OpenPartDatabase(const Part& part,
                                                            const ShardAccess& access);
  std::unique_ptr<Xapian::Database> OpenCombined() const;
  StatusOr<Article> GetFromShards(std::string_view id, std::string_view hash) const;

  uint64_t generation_ = 0;
  uint64_t revision_ = 0;
  std::string xapian_path_;
  std::unique_ptr<DocStore> store_;
  mutable FacetTable facets_;
  mutable MatchSetCache match_sets_;
  std::vector<Part> parts_;
  std::vector<std::string> missing_;
  std::string state_;
  ShardAccess access_;
  mutable std::once_flag facets_loaded_;
  mutable std::mutex pool_mutex_;
  mutable std::vector<std::unique_ptr<Xapian::Database>> idle_;
};

}  // namespace archive::query
