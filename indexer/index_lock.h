// IndexLock: the one-writer rule for an index directory. Holding it means this process is
// the only indexer of INDEX/; the lock file records who holds it, so that a second
// indexer can say whom it is waiting for. Released when destroyed (or when the process
// dies: it is an flock, so a kill -9 leaves no stale lock).
#pragma once

#include <memory>
#include <string>

#include "core/status_or.h"

namespace archive::indexer {

class IndexLock {
 public:
  // kUnavailable, naming the holder's pid and command, when another process holds it.
  static StatusOr<std::unique_ptr<IndexLock>> Acquire(const std::string& index_dir,
                                                      const std::string& holder_description);
  ~IndexLock();
  IndexLock(const IndexLock&) = delete;
  IndexLock& operator=(const IndexLock&) = delete;

 private:
  explicit IndexLock(int fd) : fd_(fd) {}
  int fd_;
};

}  // namespace archive::indexer
