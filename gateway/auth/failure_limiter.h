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
  FailureLimiter(FailureLimits limits, const core::Clock& clock);

  // How long `address` must still wait, or nullopt when its next attempt may be checked.
  std::optional<std::chrono::seconds> blocked_for(std::string_view address);
  void record_failure(std::string_view address);

  std::size_t tracked_addresses() const;

 private:
  struct Entry {
    std::string address;
    core::Instant window_start;
    std::uint32_t failures = 0;
  };
  using Entries = std::list<Entry>;  // most recent failure first; nodes never move

  bool expired(const Entry& entry, core::Instant now) const { return entry.window_start + limits_.window <= now; }

  const FailureLimits limits_;
  const core::Clock& clock_;
  mutable std::mutex mutex_;
  Entries entries_;
  std::unordered_map<std::string_view, Entries::iterator> index_;  // keys view Entry::address
};

}  // namespace oofgate::gateway
