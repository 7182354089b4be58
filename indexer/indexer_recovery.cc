// Recovery at Open: finishes what a killed writer left undone. Xapian's committed
// documents are the truth (each names its stored version in its data, "<id>\n<hash>"); the
// store's current pointers are made to agree with them and every version no document
// names is collected. Idempotent, so a crash during recovery is repaired the same way.
#include <string>
#include <unordered_map>
#include <vector>

#include "core/schema.h"
#include "core/xapian_errors.h"
#include "indexer/crash_point.h"
#include "indexer/indexer_internal.h"

namespace archive::indexer {
namespace {

// id → hash of the version each committed document indexed.
StatusOr<std::unordered_map<std::string, std::string>> IndexedVersions(
    Xapian::WritableDatabase& db) {
  std::unordered_map<std::string, std::string> indexed;
  ARCHIVE_RETURN_IF_ERROR(CallXapian("reading indexed documents", [&] {
    indexed.reserve(db.get_doccount());
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it)
      indexed.insert(SplitDocumentData(db.get_document(*it).get_data()));
  }));
  return indexed;
}

struct Repairs {
  std::vector<std::pair<std::string, std::string>> set_current;  // id, hash
  std::vector<std::string> drop_current;
  std::vector<std::pair<std::string, std::string>> drop_version;  // id, hash
};

StatusOr<Repairs> PlanRepairs(const DocStore& store,
                              const std::unordered_map<std::string, std::string>& indexed) {
  Repairs repairs;
  std::unordered_map<std::string, bool> pointed;  // ids whose pointer is already right
  ARCHIVE_RETURN_IF_ERROR(store.ForEachCurrent([&](std::string_view id, std::string_view hash) {
    auto it = indexed.find(std::string(id));
    if (it == indexed.end()) {
      repairs.drop_current.emplace_back(id);
    } else if (it->second != hash) {
      repairs.set_current.emplace_back(it->first, it->second);
    } else {
      pointed.emplace(it->first, true);
    }
  }));
  for (const auto& [id, hash] : indexed) {
    if (!pointed.contains(id)) repairs.set_current.emplace_back(id, hash);
  }
  ARCHIVE_RETURN_IF_ERROR(store.ForEachVersion([&](std::string_view id, std::string_view hash) {
    auto it = indexed.find(std::string(id));
    if (it == indexed.end() || it->second != hash) repairs.drop_version.emplace_back(id, hash);
  }));
  return repairs;
}

}  // namespace

Status Indexer::Impl::RecoverIfNeeded() {
  ARCHIVE_ASSIGN_OR_RETURN(std::optional<std::string> store_revision,
                           store->GetMetadata(schema::kRevisionKey));
  ARCHIVE_ASSIGN_OR_RETURN(std::optional<std::string> dirty, store->GetMetadata(kStoreDirtyKey));
  bool lagging = ParseCount(store_revision.value_or("")) != revision;
  if (!lagging && dirty.value_or("0") == "0") return Status::Ok();
  recovered = true;
  return Recover();
}

Status Indexer::Impl::Recover() {
  ARCHIVE_ASSIGN_OR_RETURN(auto indexed, IndexedVersions(db));
  ARCHIVE_ASSIGN_OR_RETURN(Repairs repairs, PlanRepairs(*store, indexed));
  for (const auto& [id, hash] : repairs.set_current) {
    CrashPoint(kCrashRecovering);
    ARCHIVE_RETURN_IF_ERROR(store->SetCurrent(id, hash));
  }
  for (const std::string& id : repairs.drop_current) {
    CrashPoint(kCrashRecovering);
    ARCHIVE_RETURN_IF_ERROR(store->DeleteCurrent(id));
  }
  for (const auto& [id, hash] : repairs.drop_version) {
    CrashPoint(kCrashRecovering);
    ARCHIVE_RETURN_IF_ERROR(store->DeleteVersion(id, hash));
  }
  ARCHIVE_RETURN_IF_ERROR(store->PutMetadata(schema::kRevisionKey, std::to_string(revision)));
  ARCHIVE_RETURN_IF_ERROR(store->PutMetadata(kStoreDirtyKey, "0"));
  return store->Sync();
}

}  // namespace archive::indexer
