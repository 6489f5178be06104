#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/time/clock.h"

namespace oofgate::core {

// Graph (Outlook service limits): counted per (app, mailbox), 4 concurrent requests and 10,000
// requests per 10 minutes. A zero limit switches that limit off.
struct ThrottleLimits {
  unsigned max_concurrent = 4;
  std::uint64_t max_requests = 10000;
  std::chrono::seconds window{600};
};

// Per (caller, mailbox) admission control, protocol-neutral: a request is admitted with a lease
// that it holds while in flight, or refused with the time after which a retry may succeed.
// Rate: a fixed window per key that opens at the key's first request and lasts `window`.
// Thread-safe; keys are spread over independently locked shards, so unrelated callers never
// contend on one lock.
class Throttle {
  // A key is a keyed 128-bit digest of (caller, mailbox): looking one up allocates nothing, and
  // without the per-process key nobody can make two callers' keys collide. {0, 0} marks an
  // empty slot (a digest that happens to be {0, 0} is stored as {0, 1}).
  using Key = std::array<std::uint64_t, 2>;
  struct Counter {
    Key key{};
    unsigned in_flight = 0;
    std::uint64_t requests = 0;  // admitted in the current window
    Instant window_start{};
  };
  // Open addressing (linear probing, at most half full), counters inline: with a million
  // mailboxes a request for a new (caller, mailbox) pair costs one slot, not a node allocation,
  // and finding one reads one cache line.
  struct alignas(64) Shard {
    std::mutex mutex;
    std::vector<Counter> slots;
    std::size_t size = 0;
    Instant next_expiry{};  // no window in this shard ends before this (as of the last sweep)
  };

 public:
  enum class Limit : std::uint8_t { kConcurrency, kRate };

  // Holds one concurrency slot of one key until destroyed or released. Move-only.
  class Lease {
   public:
    Lease() = default;
    Lease(Lease&& other) noexcept;
    Lease& operator=(Lease&& other) noexcept;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease() { release(); }

    void release();
    bool held() const { return shard_ != nullptr; }

   private:
    friend class Throttle;
    Lease(Shard* shard, Key key) : shard_(shard), key_(key) {}
    Shard* shard_ = nullptr;
    Key key_{};  // found again on release: slots move when a shard grows or is swept
  };

  struct Rejection {
    Limit limit;
    std::chrono::seconds retry_after;  // at least one second
  };

  Throttle(ThrottleLimits limits, const Clock& clock);

  // Counts one request of `caller_key` against `mailbox_id`. A refused request is not counted.
  std::variant<Lease, Rejection> admit(std::string_view caller_key, std::string_view mailbox_id);

  const ThrottleLimits& limits() const { return limits_; }

 private:
  static constexpr std::size_t kShardCount = 32;

  static std::size_t probe(const std::vector<Counter>& slots, const Key& key);
  Counter& counter_for(Shard& shard, const Key& key, Instant now);
  // Drops idle keys whose window has ended (when any can have), then grows the table if it is
  // still more than a quarter full.
  void make_room(Shard& shard, Instant now);
  static void rebuild(Shard& shard, std::size_t capacity, const std::function<bool(const Counter&)>& keep);

  ThrottleLimits limits_;
  const Clock& clock_;
  Key digest_key_{};
  std::array<Shard, kShardCount> shards_;
};

}  // namespace oofgate::core
