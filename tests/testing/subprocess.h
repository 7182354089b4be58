// Running the project's own executables from tests, as a user would.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace archive::test {

// The directory that holds archive-index, archive-search, ... (CTest sets
// ARCHIVE_BIN_DIR; a test run by hand falls back to build/bin).
std::string BinaryPath(const std::string& name);

struct CommandResult {
  int exit_code = -1;  // -1 when the process did not exit normally
  std::string out;     // standard output
  std::string err;     // standard error
};

// Runs `argv` to completion with standard input from /dev/null.
CommandResult RunCommand(const std::vector<std::string>& argv);

// A long-running child (a server): started at construction, sent SIGTERM and reaped at
// destruction.
class ChildProcess {
 public:
  explicit ChildProcess(const std::vector<std::string>& argv);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  // The next line of the child's standard output ("" at end of output).
  std::string ReadLine();

  // Sends SIGTERM and waits; returns the exit code (-1 if killed by a signal).
  int Stop();

  pid_t pid() const { return pid_; }  // -1 once stopped

 private:
  pid_t pid_ = -1;
  int stdout_fd_ = -1;
  std::string buffer_;
};

}  // namespace archive::test
