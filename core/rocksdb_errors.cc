#include "core/rocksdb_errors.h"

#include <rocksdb/status.h>

#include <string>

namespace archive {

Status FromRocksDb(std::string_view what, const rocksdb::Status& status) {
  if (status.ok()) return Status::Ok();
  std::string message = std::string(what) + ": " + status.ToString();
  if (status.IsNotFound()) return Status::NotFound(std::move(message));
  if (status.IsCorruption()) return Status::Corruption(std::move(message));
  if (status.IsIOError()) {
    // RocksDB reports a lock held by another process as an IO error.
    if (status.ToString().find("lock") != std::string::npos)
      return Status::Unavailable(std::move(message));
    return Status::IOError(std::move(message));
  }
  if (status.IsBusy() || status.IsTryAgain() || status.IsTimedOut())
    return Status::Unavailable(std::move(message));
  return Status::Internal(std::move(message));
}

}  // namespace archive
