#include "indexer/task_pool.h"

#include <algorithm>

namespace archive::indexer {

size_t DefaultThreads() { return std::max(1u, std::thread::hardware_concurrency()); }

TaskPool::TaskPool(size_t threads, size_t queue_limit)
    : queue_limit_(std::max<size_t>(1, queue_limit)) {
  for (size_t i = 0; i < std::max<size_t>(1, threads); ++i)
    workers_.emplace_back([this] { Work(); });
}

TaskPool::~TaskPool() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  not_empty_.notify_all();
  for (std::thread& worker : workers_) worker.join();
}

void TaskPool::Submit(std::function<void()> task) {
  std::unique_lock lock(mutex_);
  not_full_.wait(lock, [&] { return queue_.size() < queue_limit_; });
  queue_.push_back(std::move(task));
  lock.unlock();
  not_empty_.notify_one();
}

void TaskPool::Work() {
  while (true) {
    std::unique_lock lock(mutex_);
    not_empty_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stopping, and nothing left to run
    std::function<void()> task = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    not_full_.notify_one();
    task();
  }
}

}  // namespace archive::indexer
