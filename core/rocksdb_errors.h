// The one place where RocksDB statuses become our Status (used by DocStore only).
#pragma once

#include <string_view>

#include "core/status.h"

namespace rocksdb {
class Status;
}

namespace archive {

Status FromRocksDb(std::string_view what, const rocksdb::Status& status);

}  // namespace archive
