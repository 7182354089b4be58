// HelperThread: one piece of a search's work on a thread of its own, for a search that
// has a spare core. Wait() joins it and rethrows what the work threw (Xapian::Error is
// not a std::exception, so it travels as an exception_ptr); the destructor joins too, so
// that an error on the caller's side never leaves the work running over freed state.
// Module-internal.
#pragma once

#include <exception>
#include <functional>
#include <thread>

namespace archive::query {

class HelperThread {
 public:
  HelperThread() = default;
  HelperThread(const HelperThread&) = delete;
  HelperThread& operator=(const HelperThread&) = delete;
  ~HelperThread() { Join(); }

  // Starts `work`; false when no thread could be had (then nothing runs: the caller does
  // the work itself).
  bool Start(std::function<void()> work);
  // Waits for the work; rethrows what it threw.
  void Wait();

 private:
  void Join() {
    if (thread_.joinable()) thread_.join();
  }

  std::thread thread_;
  std::exception_ptr error_;
};

}  // namespace archive::query
