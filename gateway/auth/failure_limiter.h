#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/time/clock.h"

namespace oofgate::gateway {

// How many failed sign-ins one client address may make before it is refused for the rest of the
// window. `max_failures` 0 switches the limit off.
struct FailureLimits {
  std::uint32_t max_failures = 10;
  std::chrono::seconds window{60};
  // Addresses remembered at once; beyond it the one that failed longest ago is forgotten, so a
  // flood from many addresses costs a fixed amount of memory (~100 bytes an address).
  std::size_t capacity = 4096;
};

// Counts failed password checks per client address in fixed windows (the first failure opens
// one). Thread-safe; every call is O(1).
class FailureLimiter {
 public:
  // A password check admitted by begin_check(): counted as a failure until it is known.
  struct Check {
    core::Instant window_start;
  };

  FailureLimiter(FailureLimits limits, const core::Clock& clock);

  // How long `address` must still wait, or nullopt when its next attempt may be checked.
  std::optional<std::chrono::seconds> blocked_for(std::string_view address);
  void record_failure(std::string_view address);

  // Admits one password check for `address` and counts it as a failure from now on, so that
  // checks still running count against the limit: a burst of concurrent guesses gets at most
  // max_failures checks, not one per request queued before the first failure was known. Returns
  // how long to wait instead when the address is at its limit (failures and checks in flight).
  std::optional<std::chrono::seconds> begin_check(std::string_view address, Check& check);
  // Takes back the failure begin_check() counted, for a check that passed or never ran; a no-op
  // once that window has closed (the count it was in is gone) or the address was forgotten.
  void forgive(std::string_view address, const Check& check);

  std::size_t tracked_addresses() const;

 private:
  struct Entry {
    std::string address;
    core::Instant window_start;
    std::uint32_t failures = 0;
  };
  using Entries = std::list<Entry>;  // most recent failure first; nodes never move

  bool expired(const Entry& entry, core::Instant now) const { return entry.window_start + limits_.window <= now; }
  // The address's entry, made the most recent (a new one, or a fresh window, with no failures);
  // called with mutex_ held.
  Entry& touch(std::string_view address, core::Instant now);
  // How long an entry at its limit still blocks its address; called with mutex_ held.
  std::chrono::seconds remaining(const Entry& entry, core::Instant now) const;

  const FailureLimits limits_;
  const core::Clock& clock_;
  mutable std::mutex mutex_;
  Entries entries_;
  std::unordered_map<std::string_view, Entries::iterator> index_;  // keys view Entry::address
};

}  // namespace oofgate::gateway
