// The last words of a process that cannot go on: an exception nobody caught (out of memory
// in a worker thread, a thread that cannot be created under `ulimit -v`) ends the program
// with one line in our format naming the program and the cause, instead of the C++
// runtime's "terminate called after throwing ...".
#pragma once

namespace archive {

// Installs the handler for `program` (e.g. "archive-index", a string that lives for the
// whole run). The handler writes "<program>: fatal: <cause>" to standard error and ends
// the process with exit status 2 without running destructors: the stores' promises are
// those of a killed process (the previous state stays served, the next run recovers).
void ReportFatalErrors(const char* program);

}  // namespace archive
