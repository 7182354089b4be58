// Parts: how the writers spread indexing over threads. A batch of articles is analysed
// into Xapian documents on a worker thread (BuildBatch); a rebuild also writes each batch
// as a small Xapian database of its own (WritePart), and merges the parts, in order, into
// the generation's database with Xapian's compaction (MergeParts). Module-internal.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "core/article.h"
#include "core/doc_store.h"
#include "core/status_or.h"
#include "indexer/document_builder.h"

namespace archive::indexer {

// Articles as a writer received them, with their content hashes (hashes[i] is
// articles[i]'s).
struct ArticleBatch {
  std::vector<Article> articles;
  std::vector<std::string> hashes;

  size_t size() const { return articles.size(); }
};

struct BuiltBatch {
  ArticleBatch batch;  // HTML bodies decoded to text
  std::vector<Xapian::Document> documents;
  SpellingCounts spelling;
};

// Decodes HTML bodies and builds each article's document. Thread-safe (each call has its
// own analyzer state).
StatusOr<BuiltBatch> BuildBatch(ArticleBatch batch);

// Builds `batch` into a new Xapian database at `path` (docids 1..n in the batch's order,
// with its spelling data), committed once and closed, and stores its articles in `store`
// as their ids' current versions. Thread-safe for distinct paths.
Status WritePart(const std::string& path, ArticleBatch batch, DocStore& store);

// Merges the part databases, in order, into a new compacted database at `destination`:
// the documents of parts[0] get docids 1..n0, those of parts[1] the next n1, and so on.
// A kill -9 meanwhile leaves a partial `destination`, never a database that claims to be
// whole (Xapian writes its version file last).
Status MergeParts(const std::vector<std::string>& parts, const std::string& destination);

}  // namespace archive::indexer
