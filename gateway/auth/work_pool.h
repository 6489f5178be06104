#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "core/service/blocking_work.h"

namespace oofgate::gateway {

struct WorkPoolOptions {
  // One thread keeps PBKDF2 (~25 ms a call) to one core, whatever a flood of wrong passwords does.
  unsigned threads = 1;
  // Beyond this many waiting jobs submit() refuses, so a flood is answered "busy" at once
  // instead of queueing seconds of hashing (64 x 25 ms is 1.6 s of wait at most).
  std::size_t queue_capacity = 64;
};

// A few threads for slow work (password hashing, fsyncs) with a bounded queue, so nothing slow
// runs on an I/O thread and a flood can neither grow the queue nor hold the I/O threads.
class WorkPool final : public core::BlockingWork {
 public:
  explicit WorkPool(WorkPoolOptions options = {});
  ~WorkPool() override;
  WorkPool(const WorkPool&) = delete;
  WorkPool& operator=(const WorkPool&) = delete;

  bool submit(std::function<void()> run, std::function<void()> cancel) override;

  // Refuses new work, calls `cancel` of every queued job, then waits for the running ones.
  // Idempotent; the destructor calls it. Must not be called from one of the pool's own jobs.
  void stop();

  std::size_t queued() const;

 private:
  struct Job {
    std::function<void()> run;
    std::function<void()> cancel;
  };
  void work_loop();

  const std::size_t queue_capacity_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Job> queue_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace oofgate::gateway
