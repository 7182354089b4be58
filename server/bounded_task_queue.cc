#include "server/bounded_task_queue.h"

#include <cassert>
#include <system_error>

namespace archive::server {

BoundedTaskQueue::BoundedTaskQueue(size_t threads, size_t max_waiting)
    : max_threads_(threads), max_waiting_(max_waiting) {
  assert(threads >= 1 && max_waiting >= 1);
}

BoundedTaskQueue::~BoundedTaskQueue() { shutdown(); }

void BoundedTaskQueue::enqueue(std::function<void()> task) {
  std::unique_lock<std::mutex> lock(mutex_);
  has_room_.wait(lock, [this] { return stopping_ || tasks_.size() < max_waiting_; });
  tasks_.push_back(std::move(task));
  if (!stopping_ && tasks_.size() > idle_ && workers_.size() < max_threads_) {
    try {
      workers_.emplace_back([this] { Work(); });
    } catch (const std::system_error&) {
      // Out of threads: the workers there are will get to it.
      if (workers_.empty()) throw;
    }
  }
  has_task_.notify_one();
}

void BoundedTaskQueue::shutdown() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_ && workers_.empty()) return;
    stopping_ = true;
  }
  has_task_.notify_all();
  has_room_.notify_all();
  // No worker is started once stopping_ is set, so the list is stable here.
  for (std::thread& worker : workers_) {
    if (worker.joinable()) worker.join();
  }
  std::lock_guard<std::mutex> lock(mutex_);
  workers_.clear();
}

void BoundedTaskQueue::Work() {
  for (;;) {
    std::function<void()> task;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      ++idle_;
      has_task_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
      --idle_;
      if (tasks_.empty()) return;  // stopping, and nothing left to answer
      task = std::move(tasks_.front());
      tasks_.pop_front();
    }
    has_room_.notify_one();
    task();
  }
}

}  // namespace archive::server
