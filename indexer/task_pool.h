// TaskPool: a fixed set of worker threads running closures from a bounded queue. Submit()
// blocks while the queue is full, so a fast reader cannot run ahead of the workers by more
// than `queue_limit` tasks (memory stays bounded however large the source).
//
// Thread-safe. The destructor runs every task already queued, then joins the workers.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace archive::indexer {

// The worker count `--threads 0` stands for: one per core.
size_t DefaultThreads();

class TaskPool {
 public:
  TaskPool(size_t threads, size_t queue_limit);
  ~TaskPool();
  TaskPool(const TaskPool&) = delete;
  TaskPool& operator=(const TaskPool&) = delete;

  void Submit(std::function<void()> task);

 private:
  void Work();

  const size_t queue_limit_;
  std::mutex mutex_;
  std::condition_variable not_empty_;
  std::condition_variable not_full_;
  std::deque<std::function<void()>> queue_;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace archive::indexer
