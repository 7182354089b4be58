// IndexSnapshot: one committed state of the index (a generation at a revision) as a
// searcher sees it: its document store, its facet table and a pool of Xapian databases
// (a Xapian::Database is not thread-safe, so each running search borrows its own).
// Module-internal. Immutable apart from the pool, which is guarded; shared by reference
// count so that a refresh never pulls a snapshot from under a running search.
#pragma once

#include <xapian.h>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/doc_store.h"
#include "core/status_or.h"
#include "query/facet_table.h"

namespace archive::query {

class IndexSnapshot {
 public:
  // Opens the live generation of `index_dir` at its latest revision.
  static StatusOr<std::shared_ptr<IndexSnapshot>> Open(const std::string& index_dir);

  // Which generation and revision `index_dir` has live now (cheap: reads CURRENT and one
  // metadata entry).
  static StatusOr<std::pair<uint64_t, uint64_t>> LiveState(const std::string& index_dir);

  // The revision a database handle is at (the writer's counter in its metadata).
  static uint64_t RevisionOf(const Xapian::Database& db);

  uint64_t generation() const { return generation_; }
  uint64_t revision() const { return revision_; }
  const DocStore& store() const { return *store_; }
  const FacetTable& facets() const { return facets_; }

  // A database of this snapshot for the caller's exclusive use; give it back with
  // Return(). May throw Xapian::Error (the caller is inside CallXapian).
  std::unique_ptr<Xapian::Database> Borrow() const;
  void Return(std::unique_ptr<Xapian::Database> db) const;

 private:
  IndexSnapshot() = default;

  uint64_t generation_ = 0;
  uint64_t revision_ = 0;
  std::string xapian_path_;
  std::unique_ptr<DocStore> store_;
  FacetTable facets_;
  mutable std::mutex pool_mutex_;
  mutable std::vector<std::unique_ptr<Xapian::Database>> idle_;
};

}  // namespace archive::query
