#pragma once

#include <atomic>
#include <cstddef>

namespace oofgate::gateway {

// The request bodies the whole process holds in memory at once, in bytes. Each request with a
// body reserves its size (its Content-Length, or the body limit when chunked) when its head is
// read and gives it back when its message is destroyed; a request that does not fit is refused
// before its body is read. Without it memory is bounded only by the body limit times the open
// connections, which clients that send a large body slowly (no credentials needed: a body is
// read before it is authenticated) could fill. Thread-safe, lock-free.
class BodyBudget {
 public:
  explicit BodyBudget(std::size_t capacity) : capacity_(capacity) {}

  // True when `bytes` more fit; they are then held until release(bytes).
  bool try_reserve(std::size_t bytes) noexcept;
  void release(std::size_t bytes) noexcept;
  std::size_t in_use() const noexcept { return in_use_.load(std::memory_order_relaxed); }

 private:
  const std::size_t capacity_;
  std::atomic<std::size_t> in_use_{0};
};

}  // namespace oofgate::gateway
