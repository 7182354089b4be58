// Running Xapian's replication tools (xapian-replicate-server, xapian-replicate) as child
// processes: found on PATH, bounded in time, each in its own process group, and never
// outliving the process that started them (the kernel sends them SIGTERM when it dies,
// however it dies).
// Module-internal.
#pragma once

#include <signal.h>
#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

#include "core/status_or.h"

namespace archive::replica {

struct ToolRun {
  int exit_code = -1;  // -1: killed (by a signal, or at the deadline)
  bool timed_out = false;
  std::string output;  // standard output and error together
};

// Blocks SIGINT and SIGTERM in the calling thread (and every thread it starts later), so
// that a long-running command takes them with sigtimedwait() on the returned set and
// stops in order. Call it before any thread starts.
sigset_t BlockStopSignals();

// Runs `argv` to completion, or kills it after `timeout`.
StatusOr<ToolRun> RunTool(const std::vector<std::string>& argv, std::chrono::milliseconds timeout);

// A long-running child (xapian-replicate-server), its output going to ours.
class Daemon {
 public:
  static StatusOr<Daemon> Start(const std::vector<std::string>& argv);
  Daemon(Daemon&& other) noexcept : pid_(other.pid_) { other.pid_ = -1; }
  Daemon& operator=(Daemon&&) = delete;
  Daemon(const Daemon&) = delete;
  ~Daemon();  // SIGTERM, then reaped

  // Whether it has exited (reaped then; never blocks).
  bool Exited();

 private:
  explicit Daemon(pid_t pid) : pid_(pid) {}
  pid_t pid_ = -1;
};

}  // namespace archive::replica
