// SearchGate: at most N searches run at once, whatever the number of connection workers.
// A connection holds a cpp-httplib worker from accept to close, slow clients included, so
// the pool is sized for connections (ServerOptions::threads); this gate sizes the CPU
// work. Waiting requests get slots first come, first served, so under load every request
// waits about as long as the queue ahead of it (a condition variable alone lets late
// arrivals overtake, which stretches the tail). A request that cannot get a slot within
// the wait is refused (503, Retry-After) rather than queued without end. Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>

namespace archive::server {

class SearchGate {
 public:
  // REQUIRES: slots >= 1.
  SearchGate(size_t slots, std::chrono::milliseconds max_wait);

  // A held slot; releases it when destroyed or Release()d. Movable, not copyable.
  class Slot {
   public:
    Slot() = default;
    Slot(Slot&& other) noexcept : gate_(other.gate_) { other.gate_ = nullptr; }
    Slot& operator=(Slot&& other) noexcept;
    ~Slot() { Release(); }
    bool held() const { return gate_ != nullptr; }
    void Release();

   private:
    friend class SearchGate;
    explicit Slot(SearchGate* gate) : gate_(gate) {}
    SearchGate* gate_ = nullptr;
  };

  // A held slot, or an empty one when none came free within the wait.
  Slot Acquire();

  size_t slots() const { return slots_; }
  size_t in_use() const;
  size_t waiting() const;  // requests queued for a slot

 private:
  // One queued request; Return() hands its slot straight to the oldest.
  struct Waiter {
    std::condition_variable woken;
    bool granted = false;
  };

  void Return();

  const size_t slots_;
  const std::chrono::milliseconds max_wait_;
  mutable std::mutex mutex_;
  std::deque<Waiter*> waiting_;
  size_t in_use_ = 0;
};

}  // namespace archive::server
