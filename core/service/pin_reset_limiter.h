#pragma once

#include <chrono>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/time/clock.h"

namespace oofgate::core {

// How often one mailbox may reset its UM PIN: each reset writes a message and burns a PBKDF2, and
// a stream of them would bury the real one. `max_resets` 0 switches the limit off.
struct PinResetLimits {
  std::size_t max_resets = 3;
  std::chrono::seconds window{600};
};

// A sliding window per mailbox. Memory is bounded by the mailboxes that reset within the window
// (at most max_resets instants each): only authenticated owners of existing mailboxes get here.
class PinResetLimiter {
 public:
  PinResetLimiter(PinResetLimits limits, const Clock& clock) : limits_(limits), clock_(clock) {}

  // Counts a reset of `mailbox_id` now, or, when the window is full, leaves it uncounted and
  // returns how long until the oldest reset leaves the window (at least one second).
  std::optional<std::chrono::seconds> try_acquire(const std::string& mailbox_id);

 private:
  PinResetLimits limits_;
  const Clock& clock_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::deque<Instant>> recent_;
};

}  // namespace oofgate::core
