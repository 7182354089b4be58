#include "indexer/parts.h"

#include "core/analyzer.h"
#include "core/xapian_errors.h"
#include "indexer/crash_point.h"
#include "indexer/indexer_internal.h"

namespace archive::indexer {
namespace {

// Reports each step of a merge to the crash hook, so the crash-safety test can stop a
// rebuild in the middle of one.
class MergeProgress : public Xapian::Compactor {
 public:
  void set_status(const std::string& /*table*/, const std::string& /*status*/) override {
    CrashPoint(kCrashMerging);
  }
};

}  // namespace

StatusOr<BuiltBatch> BuildBatch(ArticleBatch batch) {
  ARCHIVE_ASSIGN_OR_RETURN(Analyzer analyzer, Analyzer::Create());
  DocumentBuilder builder(analyzer);
  BuiltBatch built;
  built.documents.reserve(batch.size());
  ARCHIVE_RETURN_IF_ERROR(CallXapian("analysing articles", [&] {
    for (size_t i = 0; i < batch.size(); ++i) {
      DecodeHtmlBody(batch.articles[i]);
      built.documents.push_back(builder.Build(batch.articles[i], batch.hashes[i]));
      DocumentBuilder::CountSpelling(built.documents.back(), built.spelling);
    }
  }));
  built.batch = std::move(batch);
  return built;
}

constexpr size_t kDocumentsPerFlush = 250;

Status WritePart(const std::string& path, ArticleBatch batch, DocStore& store) {
  ARCHIVE_ASSIGN_OR_RETURN(Analyzer analyzer, Analyzer::Create());
  DocumentBuilder builder(analyzer);
  SpellingCounts spelling;
  // Each document goes to the part as soon as it is built, rather than a batch of them
  // held first: a thousand documents' term maps stay out of memory, and each is added
  // while its terms are still in the cache.
  ARCHIVE_RETURN_IF_ERROR(CallXapian("writing index part " + path, [&] {
    // A part is scratch until the merge (a crash abandons the whole generation): it need
    // not reach the disk, so its commits do not sync.
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE | Xapian::DB_NO_SYNC);
    for (size_t i = 0; i < batch.size(); ++i) {
      DecodeHtmlBody(batch.articles[i]);
      const Xapian::Document document = builder.Build(batch.articles[i], batch.hashes[i]);
      DocumentBuilder::CountSpelling(document, spelling);
      db.add_document(document);
      // Xapian's inverter keeps, per term, a std::map of the documents added since the
      // last flush: past a few hundred documents every add walks deeper trees of nodes
      // that no longer fit in the cache (perf: a fifth of a rebuild's time on one load
      // instruction there with parts of 1,000). Flushing every kDocumentsPerFlush keeps
      // the maps small; smaller parts would too, but their merged postings are split in
      // more, smaller chunks (a larger index).
      if ((i + 1) % kDocumentsPerFlush == 0) db.commit();
    }
    AddSpelling(spelling, db);
    db.commit();
    db.close();
  }));
  return store.PutCurrent(batch.articles, batch.hashes);
}

Status MergeParts(const std::vector<std::string>& parts, const std::string& destination) {
  return CallXapian("merging index parts into " + destination, [&] {
    Xapian::Database sources;
    for (const std::string& part : parts) sources.add_database(Xapian::Database(part));
    MergeProgress progress;
    // One pass over all the parts: Xapian's DBCOMPACT_MULTIPASS (rounds of a few, with
    // temporary databases) took 22% more CPU time merging 100 parts of 1,000 articles
    // (xapian-compact: 10.6 s against 8.7 s).
    sources.compact(destination, Xapian::Compactor::FULL, 0, progress);
  });
}

}  // namespace archive::indexer
