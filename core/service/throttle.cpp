#include "core/service/throttle.h"

#include <algorithm>
#include <random>
#include <string>

#include "core/directory/siphash.h"

namespace oofgate::core {
namespace {

constexpr std::size_t kInitialSlots = 64;

bool is_empty(const std::array<std::uint64_t, 2>& key) { return key[0] == 0 && key[1] == 0; }

}  // namespace

Throttle::Throttle(ThrottleLimits limits, const Clock& clock) : limits_(limits), clock_(clock) {
  std::random_device random;
  for (auto& word : digest_key_) {
    word = (std::uint64_t{random()} << 32U) | random();
  }
}

Throttle::Lease::Lease(Lease&& other) noexcept : shard_(other.shard_), key_(other.key_) { other.shard_ = nullptr; }

Throttle::Lease& Throttle::Lease::operator=(Lease&& other) noexcept {
  if (this != &other) {
    release();
    shard_ = other.shard_;
    key_ = other.key_;
    other.shard_ = nullptr;
  }
  return *this;
}

void Throttle::Lease::release() {
  if (shard_ == nullptr) {
    return;
  }
  {
    const std::lock_guard lock(shard_->mutex);
    // A key with a request in flight is never swept, so it is still there.
    Counter& counter = shard_->slots[probe(shard_->slots, key_)];
    if (counter.key == key_ && counter.in_flight > 0) {
      --counter.in_flight;
    }
  }
  shard_ = nullptr;
}

std::size_t Throttle::probe(const std::vector<Counter>& slots, const Key& key) {
  const std::size_t mask = slots.size() - 1;
  std::size_t i = static_cast<std::size_t>(key[1]) & mask;
  while (!is_empty(slots[i].key) && slots[i].key != key) {
    i = (i + 1) & mask;
  }
  return i;
}

void Throttle::rebuild(Shard& shard, std::size_t capacity, const std::function<bool(const Counter&)>& keep) {
  std::vector<Counter> slots(capacity);
  std::size_t size = 0;
  for (const Counter& counter : shard.slots) {
    if (!is_empty(counter.key) && keep(counter)) {
      slots[probe(slots, counter.key)] = counter;
      ++size;
    }
  }
  shard.slots = std::move(slots);
  shard.size = size;
}

void Throttle::make_room(Shard& shard, Instant now) {
  // Many callers inside one window: nothing can be dropped yet, so the scan is skipped (a scan
  // of every key on each growth was measured at 2% of the CPU with a million mailboxes).
  const bool none_can_expire = now < shard.next_expiry && now >= shard.next_expiry - limits_.window;
  if (!none_can_expire) {
    Instant earliest_start = now;
    rebuild(shard, shard.slots.size(), [&](const Counter& counter) {
      const bool expired = now >= counter.window_start + limits_.window || now < counter.window_start;
      if (counter.in_flight == 0 && expired) {
        return false;
      }
      earliest_start = std::min(earliest_start, counter.window_start);
      return true;
    });
    shard.next_expiry = earliest_start + limits_.window;
  }
  if (4 * (shard.size + 1) > shard.slots.size()) {
    rebuild(shard, 2 * shard.slots.size(), [](const Counter&) { return true; });
  }
}

Throttle::Counter& Throttle::counter_for(Shard& shard, const Key& key, Instant now) {
  if (shard.slots.empty()) {
    shard.slots.resize(kInitialSlots);
  }
  std::size_t i = probe(shard.slots, key);
  if (!is_empty(shard.slots[i].key)) {
    return shard.slots[i];
  }
  if (2 * (shard.size + 1) > shard.slots.size()) {
    make_room(shard, now);
    i = probe(shard.slots, key);
  }
  Counter& counter = shard.slots[i];
  counter = Counter{};
  counter.key = key;
  ++shard.size;
  return counter;
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
  Key key = siphash128(digest_key_, material);
  if (is_empty(key)) {
    key[1] = 1;
  }
  Shard& shard = shards_[key[0] % kShardCount];
  const Instant now = clock_.now();

  const std::lock_guard lock(shard.mutex);
  Counter& counter = counter_for(shard, key, now);
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
  return Lease(&shard, key);
}

}  // namespace oofgate::core
