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

Status WritePart(const std::string& path, ArticleBatch batch, DocStore& store) {
  ARCHIVE_ASSIGN_OR_RETURN(BuiltBatch built, BuildBatch(std::move(batch)));
  // A part is written once: no commit before the end (Xapian flushes by itself only
  // after 10,000 documents, more than a part holds).
  ARCHIVE_RETURN_IF_ERROR(CallXapian("writing index part " + path, [&] {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE);
    for (const Xapian::Document& document : built.documents) db.add_document(document);
    AddSpelling(built.spelling, db);
    db.commit();
    db.close();
  }));
  return store.PutCurrent(built.batch.articles, built.batch.hashes);
}

Status MergeParts(const std::vector<std::string>& parts, const std::string& destination) {
  return CallXapian("merging index parts into " + destination, [&] {
    Xapian::Database sources;
    for (const std::string& part : parts) sources.add_database(Xapian::Database(part));
    MergeProgress progress;
    // Multipass merges many parts in rounds of a few (faster than all at once).
    sources.compact(destination, Xapian::Compactor::FULL | Xapian::DBCOMPACT_MULTIPASS, 0,
                    progress);
  });
}

}  // namespace archive::indexer
