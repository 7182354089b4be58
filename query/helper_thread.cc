#include "query/helper_thread.h"

#include <system_error>
#include <utility>

namespace archive::query {

bool HelperThread::Start(std::function<void()> work) {
  try {
    thread_ = std::thread([this, work = std::move(work)] {
      try {
        work();
      } catch (...) {
        error_ = std::current_exception();
      }
    });
  } catch (const std::system_error&) {
    return false;
  }
  return true;
}

void HelperThread::Wait() {
  Join();
  if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
}

}  // namespace archive::query
