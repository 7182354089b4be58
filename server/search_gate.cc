#include "server/search_gate.h"

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
  if (!freed_.wait_for(lock, max_wait_, [this] { return in_use_ < slots_; })) return Slot();
  ++in_use_;
  return Slot(this);
}

size_t SearchGate::in_use() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return in_use_;
}

void SearchGate::Return() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    --in_use_;
  }
  freed_.notify_one();
}

}  // namespace archive::server
