#include "core/fatal_error.h"

#include <unistd.h>

#include <cstdio>
#include <exception>
#include <new>
#include <system_error>

namespace archive {
namespace {

const char* g_program = "archive";

// Written with a fixed buffer and write(2): after std::bad_alloc nothing may allocate.
void WriteFatalLine(const char* cause, const char* detail) {
  char line[512];
  int length = std::snprintf(line, sizeof line, "%s: fatal: %s%s%s\n", g_program, cause,
                             detail[0] != '\0' ? ": " : "", detail);
  if (length < 0) return;
  size_t size =
      static_cast<size_t>(length) < sizeof line ? static_cast<size_t>(length) : sizeof line - 1;
  [[maybe_unused]] ssize_t written = ::write(STDERR_FILENO, line, size);
}

[[noreturn]] void ReportAndExit() {
  if (std::exception_ptr current = std::current_exception()) {
    try {
      std::rethrow_exception(current);
    } catch (const std::bad_alloc&) {
      WriteFatalLine("out of memory", "");
    } catch (const std::system_error& error) {
      WriteFatalLine("out of system resources (memory, threads or files)", error.what());
    } catch (const std::exception& error) {
      WriteFatalLine("unexpected error", error.what());
    } catch (...) {
      WriteFatalLine("unexpected error", "an exception of unknown type");
    }
  } else {
    WriteFatalLine("terminated", "");
  }
  ::_exit(2);
}

}  // namespace

void ReportFatalErrors(const char* program) {
  g_program = program;
  std::set_terminate(ReportAndExit);
}

}  // namespace archive
