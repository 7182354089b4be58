#include "server/search_gate.h"

#include <algorithm>
#include <cassert>

namespace archive::server {

SearchGate::SearchGate(size_t slots, std::chrono::milliseconds max_wait)
    : slots_(slots), max_wait_(max_wait) {
  assert(slots >= 1);
}

SearchGate::Slot& SearchGate::Slot::operator=(Slot&& other) noexcept {
  if (this != &other) {
    Release();
    gate_ = other.gate_;
    other.gate_ = nullptr;
  }
  return *this;
}

void SearchGate::Slot::Release() {
  if (gate_ != nullptr) gate_->Return();
  gate_ = nullptr;
}

SearchGate::Slot SearchGate::Acquire() {
  std::unique_lock<std::mutex> lock(mutex_);
  if (in_use_ < slots_ && waiting_.empty()) {
    ++in_use_;
    return Slot(this);
  }
  Waiter waiter;
  waiting_.push_back(&waiter);
  if (waiter.woken.wait_for(lock, max_wait_, [&waiter] { return waiter.granted; })) {
    return Slot(this);  // Return() passed its slot on: in_use_ already counts it
  }
  waiting_.erase(std::find(waiting_.begin(), waiting_.end(), &waiter));
  return Slot();
}

size_t SearchGate::in_use() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return in_use_;
}

size_t SearchGate::waiting() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return waiting_.size();
}

void SearchGate::Return() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (waiting_.empty()) {
    --in_use_;
    return;
  }
  Waiter* oldest = waiting_.front();
  waiting_.pop_front();
  oldest->granted = true;
  // Notified under the lock: the waiter cannot wake, see `granted` and leave (destroying
  // its condition variable) before this call is done with it.
  oldest->woken.notify_one();
}

}  // namespace archive::server
