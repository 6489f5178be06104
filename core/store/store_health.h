#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace oofgate::core {

// Told about every batch of writes a store commits (core knows no metrics library; the gateway
// turns these calls into Prometheus series). Called on the store's committer thread, so an
// implementation must be cheap and must not block.
class StoreObserver {
 public:
  virtual ~StoreObserver() = default;
  // One batch of `writes` writes committed in `duration` (the transaction, fsync included).
  virtual void batch_committed(std::chrono::microseconds duration, std::size_t writes) noexcept = 0;
};

// What a store last learnt about its database, kept current by the threads that talk to it (a
// failed commit, read or connect sets a reason, a success clears it), so a readiness probe reads
// a flag instead of making a round trip.
class StoreHealth {
 public:
  // Cheap when nothing changes: one relaxed load on the hot path.
  void succeeded() noexcept {
    if (healthy_.load(std::memory_order_relaxed)) {
      return;
    }
    const std::lock_guard lock(mutex_);
    healthy_.store(true, std::memory_order_relaxed);
  }
  void failed(std::string_view reason) noexcept {
    try {
      std::string line = one_line(reason);
      const std::lock_guard lock(mutex_);
      reason_ = std::move(line);
      healthy_.store(false, std::memory_order_relaxed);
    } catch (...) {
      healthy_.store(false, std::memory_order_relaxed);  // out of memory: the flag still tells
    }
  }
  // nullopt while healthy, else the reason of the last failure (one line).
  std::optional<std::string> reason() const {
    if (healthy_.load(std::memory_order_relaxed)) {
      return std::nullopt;
    }
    const std::lock_guard lock(mutex_);
    return reason_.empty() ? std::string("the store failed") : reason_;
  }

 private:
  // Database messages span lines (libpq adds hints after a newline and a tab); a probe's answer
  // is one line, so every run of control characters becomes one space.
  static std::string one_line(std::string_view text) {
    std::string line;
    bool in_break = false;
    for (const char c : text) {
      const bool control = static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
      if (!control) {
        line += c;
      } else if (!in_break) {
        line += ' ';
      }
      in_break = control;
    }
    while (!line.empty() && line.back() == ' ') {
      line.pop_back();
    }
    return line;
  }

  std::atomic<bool> healthy_{true};
  mutable std::mutex mutex_;
  std::string reason_;  // guarded by mutex_
};

}  // namespace oofgate::core
