#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>

namespace oofgate::gateway {

// A thread that takes work off hot threads in batches: submit() only queues (a full queue drops
// the item and counts it, never blocks), and the thread hands everything queued to `handle` at
// once. It is woken only when the queue goes from empty to not empty, and then lingers `linger`
// before it takes the queue, so under load one wake-up carries hundreds of items: on a loaded
// core a wake-up per item costs more than the work it moves.
template <typename Item>
class BatchingWorker {
 public:
  using Handler = std::function<void(std::deque<Item>& batch)>;

  BatchingWorker(std::size_t capacity, std::chrono::milliseconds linger, Handler handle)
      : capacity_(capacity), linger_(linger), handle_(std::move(handle)), thread_([this] { run(); }) {}
  ~BatchingWorker() { stop(); }
  BatchingWorker(const BatchingWorker&) = delete;
  BatchingWorker& operator=(const BatchingWorker&) = delete;

  // False when `item` was dropped: the queue was full, or the worker stopped.
  bool submit(Item item) noexcept {
    try {
      bool was_empty = false;
      {
        const std::lock_guard lock(mutex_);
        if (queue_.size() >= capacity_ || stopping_) {
          dropped_.fetch_add(1, std::memory_order_relaxed);
          return false;
        }
        was_empty = queue_.empty();
        queue_.push_back(std::move(item));
      }
      // Only an empty queue can have the thread asleep; otherwise it will find this item itself.
      if (was_empty) {
        wake_.notify_one();
      }
      return true;
    } catch (...) {
      dropped_.fetch_add(1, std::memory_order_relaxed);
      return false;
    }
  }

  // Handles everything queued, then ends the thread; later submits are dropped. Idempotent.
  void stop() {
    {
      const std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_one();
    if (thread_.joinable()) {
      thread_.join();
    }
  }

  std::uint64_t dropped() const { return dropped_.load(std::memory_order_relaxed); }

 private:
  void run() {
    std::deque<Item> batch;
    for (;;) {
      {
        std::unique_lock lock(mutex_);
        wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
        if (queue_.empty()) {
          return;  // stopping, and everything queued is handled
        }
        if (!stopping_ && linger_.count() > 0) {
          // Let the items of the next moment join this batch; a stop cuts the wait short.
          wake_.wait_for(lock, linger_, [this] { return stopping_; });
        }
        batch.swap(queue_);
      }
      handle_(batch);
      batch.clear();
    }
  }

  std::size_t capacity_;
  std::chrono::milliseconds linger_;
  Handler handle_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Item> queue_;
  bool stopping_ = false;
  std::atomic<std::uint64_t> dropped_{0};
  std::thread thread_;  // last: started once everything it uses exists
};

}  // namespace oofgate::gateway
