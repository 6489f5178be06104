#include "core/service/throttle.h"

#include <algorithm>
#include <random>
#include <string>

#include "core/directory/siphash.h"

namespace oofgate::core {
namespace {

// Idle keys are dropped once a shard holds this many (and then at twice the survivors).
constexpr std::size_t kMinSweepSize = 256;

}  // namespace

Throttle::Throttle(ThrottleLimits limits, const Clock& clock) : limits_(limits), clock_(clock) {
  std::random_device random;
  for (auto& word : digest_key_) {
    word = (std::uint64_t{random()} << 32U) | random();
  }
}

Throttle::Lease::Lease(Lease&& other) noexcept : shard_(other.shard_), counter_(other.counter_) {
  other.shard_ = nullptr;
  other.counter_ = nullptr;
}

Throttle::Lease& Throttle::Lease::operator=(Lease&& other) noexcept {
  if (this != &other) {
    release();
    shard_ = other.shard_;
    counter_ = other.counter_;
    other.shard_ = nullptr;
    other.counter_ = nullptr;
  }
  return *this;
}

void Throttle::Lease::release() {
  if (counter_ == nullptr) {
    return;
  }
  {
    const std::lock_guard lock(shard_->mutex);
    --counter_->in_flight;
  }
  shard_ = nullptr;
  counter_ = nullptr;
}

std::variant<Throttle::Lease, Throttle::Rejection> Throttle::admit(std::string_view caller_key,
                                                                   std::string_view mailbox_id) {
  // Digested from one buffer; on the stack for every key a real request makes.
  char text[256];
  std::string long_text;
  std::string_view material;
  if (caller_key.size() + 1 + mailbox_id.size() <= sizeof text) {
    std::copy(caller_key.begin(), caller_key.end(), text);
    text[caller_key.size()] = '\n';
    std::copy(mailbox_id.begin(), mailbox_id.end(), text + caller_key.size() + 1);
    material = std::string_view(text, caller_key.size() + 1 + mailbox_id.size());
  } else {
    long_text.append(caller_key).append(1, '\n').append(mailbox_id);
    material = long_text;
  }
  const Key key = siphash128(digest_key_, material);
  Shard& shard = shards_[key[0] % kShardCount];
  const Instant now = clock_.now();

  const std::lock_guard lock(shard.mutex);
  if (shard.counters.size() >= std::max(shard.sweep_at, kMinSweepSize)) {
    sweep(shard, now);
  }
  Counter& counter = shard.counters.try_emplace(key).first->second;
  const auto window_end = counter.window_start + limits_.window;
  // A clock that stepped back also opens a new window, so a key can never be locked out for long.
  if (counter.requests == 0 || now >= window_end || now < counter.window_start) {
    counter.window_start = now;
    counter.requests = 0;
  }
  if (limits_.max_requests != 0 && counter.requests >= limits_.max_requests) {
    const auto wait = std::chrono::ceil<std::chrono::seconds>(counter.window_start + limits_.window - now);
    return Rejection{Limit::kRate, std::max(wait, std::chrono::seconds{1})};
  }
  if (limits_.max_concurrent != 0 && counter.in_flight >= limits_.max_concurrent) {
    // Nothing tells when a request in flight ends; one second is a short, honest back-off.
    return Rejection{Limit::kConcurrency, std::chrono::seconds{1}};
  }
  ++counter.requests;
  ++counter.in_flight;
  return Lease(&shard, &counter);
}

void Throttle::sweep(Shard& shard, Instant now) {
  // Many callers inside one window: nothing can be dropped yet, so only the threshold moves
  // (a scan of every key here was measured at 2% of the CPU with a million mailboxes).
  if (now < shard.next_expiry && now >= shard.next_expiry - limits_.window) {
    shard.sweep_at = 2 * shard.counters.size();
    return;
  }
  Instant earliest_start = now;
  std::erase_if(shard.counters, [&](const auto& entry) {
    const Counter& counter = entry.second;
    const bool expired = now >= counter.window_start + limits_.window || now < counter.window_start;
    if (counter.in_flight == 0 && expired) {
      return true;
    }
    earliest_start = std::min(earliest_start, counter.window_start);
    return false;
  });
  shard.next_expiry = earliest_start + limits_.window;
  shard.sweep_at = 2 * shard.counters.size();
}

}  // namespace oofgate::core
