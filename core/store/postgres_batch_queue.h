#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>

namespace oofgate::core {

// A queue that worker threads drain in batches: a worker takes everything waiting (up to a
// limit) at once, which is what turns many concurrent requests into one database round trip.
template <typename T>
class BatchQueue {
 public:
  // False once close() was called; the item is then not queued.
  bool push(T item) {
    {
      std::lock_guard lock(mutex_);
      if (closed_) {
        return false;
      }
      items_.push_back(std::move(item));
    }
    ready_.notify_one();
    return true;
  }

  // Blocks until there is work; false only when closed and drained, so nothing queued is dropped.
  bool take(std::deque<T>& batch, std::size_t limit) {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [this] { return closed_ || !items_.empty(); });
    if (items_.empty()) {
      return false;
    }
    if (items_.size() <= limit) {
      batch.swap(items_);
    } else {
      for (std::size_t i = 0; i < limit; ++i) {
        batch.push_back(std::move(items_.front()));
        items_.pop_front();
      }
      // Leave the rest to another worker instead of waiting for this one.
      ready_.notify_one();
    }
    return true;
  }

  void close() {
    {
      std::lock_guard lock(mutex_);
      closed_ = true;
    }
    ready_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<T> items_;
  bool closed_ = false;
};

}  // namespace oofgate::core
