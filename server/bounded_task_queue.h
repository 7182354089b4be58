// BoundedTaskQueue: cpp-httplib's task queue with a fixed pool of workers and a cap on
// waiting connections. cpp-httplib 0.11.4's TaskQueue::enqueue cannot refuse a task, and
// its own ThreadPool queues without limit; here a full queue makes enqueue wait, which
// stops the accept loop, so excess connections wait in the kernel's listen backlog
// instead of in our memory. Workers start on demand, up to the limit, so that a large
// limit (sized for many slow connections) costs nothing while the server is quiet.
// Thread-safe.
#pragma once

#include <httplib.h>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace archive::server {

class BoundedTaskQueue : public httplib::TaskQueue {
 public:
  // REQUIRES: threads >= 1, max_waiting >= 1. `threads` is the most workers ever started.
  BoundedTaskQueue(size_t threads, size_t max_waiting);
  ~BoundedTaskQueue() override;

  void enqueue(std::function<void()> task) override;
  // Runs what is queued, then joins the workers (cpp-httplib calls it when stopping).
  void shutdown() override;

 private:
  void Work();

  const size_t max_threads_;
  const size_t max_waiting_;
  std::mutex mutex_;
  std::condition_variable has_task_;
  std::condition_variable has_room_;
  std::deque<std::function<void()>> tasks_;
  bool stopping_ = false;
  size_t idle_ = 0;  // workers waiting for a task
  std::vector<std::thread> workers_;
};

}  // namespace archive::server
