#include "indexer/index_status.h"

#include <xapian.h>

#include "core/index_layout.h"
#include "core/schema.h"
#include "core/xapian_errors.h"
#include "indexer/generations.h"
#include "indexer/indexer_internal.h"

namespace archive::indexer {

StatusOr<IndexStatus> ReadIndexStatus(const std::string& index_dir) {
  IndexStatus status;
  ARCHIVE_ASSIGN_OR_RETURN(std::optional<uint64_t> live, index_layout::ReadCurrent(index_dir));
  ARCHIVE_ASSIGN_OR_RETURN(status.generations, index_layout::ListGenerations(index_dir));
  status.total_bytes = DiskUsage(index_dir);
  if (!live) return status;
  status.generation = *live;
  status.live_bytes = DiskUsage(index_layout::GenerationPath(index_dir, *live));
  ARCHIVE_RETURN_IF_ERROR(CallXapian("opening index", [&] {
    Xapian::Database db(index_layout::XapianPath(index_dir, *live));
    status.revision = ParseCount(db.get_metadata(std::string(schema::kRevisionKey)));
    status.articles = db.get_doccount();
    status.updated_at = db.get_metadata(std::string(kUpdatedAtKey));
  }));
  return status;
}

}  // namespace archive::indexer
