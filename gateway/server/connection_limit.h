#pragma once

#include <atomic>
#include <cstddef>
#include <optional>

namespace oofgate::gateway {

// Counts the open connections of the whole process (all I/O threads) against
// --max-connections. Thread-safe: slots may be released on any thread.
class ConnectionLimit {
 public:
  // One open connection's place, returned when released or destroyed.
  class Slot {
   public:
    Slot(Slot&& other) noexcept : limit_(other.limit_) { other.limit_ = nullptr; }
    Slot& operator=(Slot&&) = delete;
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;
    ~Slot() { release(); }

    void release() {
      if (limit_ != nullptr) {
        limit_->open_.fetch_sub(1, std::memory_order_relaxed);
        limit_ = nullptr;
      }
    }

   private:
    friend class ConnectionLimit;
    explicit Slot(ConnectionLimit& limit) : limit_(&limit) {}
    ConnectionLimit* limit_;
  };

  explicit ConnectionLimit(std::size_t max) : max_(max) {}

  // A slot, or nothing when `max` connections are open already.
  std::optional<Slot> try_acquire() {
    std::size_t open = open_.load(std::memory_order_relaxed);
    do {
      if (open >= max_) {
        return std::nullopt;
      }
    } while (!open_.compare_exchange_weak(open, open + 1, std::memory_order_relaxed));
    return Slot(*this);
  }

  std::size_t open() const { return open_.load(std::memory_order_relaxed); }
  std::size_t max() const { return max_; }

 private:
  const std::size_t max_;
  std::atomic<std::size_t> open_{0};
};

}  // namespace oofgate::gateway
