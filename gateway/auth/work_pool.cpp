#include "gateway/auth/work_pool.h"

#include <exception>
#include <string>

#include "facade_common/log.h"

namespace oofgate::gateway {
namespace {

// A job that throws must not take its worker (or, through terminate, the process) with it.
void run_guarded(const std::function<void()>& step, const char* what) {
  try {
    step();
  } catch (const std::exception& error) {
    facade::log_line(facade::LogLevel::kError, "oofgate", "",
                     std::string("work pool ") + what + " threw: " + error.what());
  } catch (...) {
    facade::log_line(facade::LogLevel::kError, "oofgate", "",
                     std::string("work pool ") + what + " threw a non-standard exception");
  }
}

}  // namespace

WorkPool::WorkPool(WorkPoolOptions options) : queue_capacity_(options.queue_capacity) {
  const unsigned threads = options.threads == 0 ? 1 : options.threads;
  threads_.reserve(threads);
  for (unsigned i = 0; i < threads; ++i) {
    threads_.emplace_back([this] { work_loop(); });
  }
}

WorkPool::~WorkPool() { stop(); }

bool WorkPool::submit(std::function<void()> run, std::function<void()> cancel) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ || queue_.size() >= queue_capacity_) {
      return false;
    }
    queue_.push_back(Job{std::move(run), std::move(cancel)});
  }
  wake_.notify_one();
  return true;
}

void WorkPool::stop() {
  std::deque<Job> abandoned;
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    abandoned.swap(queue_);
  }
  wake_.notify_all();
  // Outside the lock: a cancel callback may well submit again (and be refused).
  for (auto& job : abandoned) {
    run_guarded(job.cancel, "cancel");
  }
  for (auto& thread : threads_) {
    if (thread.joinable()) {
      thread.join();
    }
  }
}

std::size_t WorkPool::queued() const {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

void WorkPool::work_loop() {
  for (;;) {
    Job job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) {
        return;  // stopping, and stop() has taken whatever was queued
      }
      job = std::move(queue_.front());
      queue_.pop_front();
    }
    run_guarded(job.run, "job");
  }
}

}  // namespace oofgate::gateway
