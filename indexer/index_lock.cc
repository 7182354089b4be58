#include "indexer/index_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace archive::indexer {

StatusOr<std::unique_ptr<IndexLock>> IndexLock::Acquire(const std::string& index_dir,
                                                        const std::string& holder_description) {
  std::string path = index_dir + "/LOCK";
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return Status::IOError("opening " + path + ": " + std::strerror(errno));
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    int error = errno;
    ::close(fd);
    if (error != EWOULDBLOCK)
      return Status::IOError("locking " + path + ": " + std::strerror(error));
    std::ifstream in(path);
    std::stringstream holder;
    holder << in.rdbuf();
    std::string who = holder.str();
    while (!who.empty() && who.back() == '\n') who.pop_back();
    return Status::Unavailable("index " + index_dir + " is locked by another indexer (" +
                               (who.empty() ? std::string("unknown holder") : who) + ")");
  }
  std::string record = "pid " + std::to_string(::getpid()) + ": " + holder_description + "\n";
  if (::ftruncate(fd, 0) != 0 || ::write(fd, record.data(), record.size()) < 0) {
    // The lock is held all the same; only the courtesy note about the holder is lost.
  }
  return std::unique_ptr<IndexLock>(new IndexLock(fd));
}

IndexLock::~IndexLock() {
  if (::ftruncate(fd_, 0) != 0) {
    // Nothing to do: the stale note is harmless, the flock is what counts.
  }
  ::close(fd_);  // releases the flock
}

}  // namespace archive::indexer
