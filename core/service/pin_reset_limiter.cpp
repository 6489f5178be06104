#include "core/service/pin_reset_limiter.h"

#include <algorithm>

namespace oofgate::core {

std::optional<std::chrono::seconds> PinResetLimiter::try_acquire(const std::string& mailbox_id) {
  if (limits_.max_resets == 0) {
    return std::nullopt;
  }
  const Instant now = clock_.now();
  std::lock_guard lock(mutex_);
  auto& resets = recent_[mailbox_id];
  while (!resets.empty() && resets.front() + limits_.window <= now) {
    resets.pop_front();
  }
  if (resets.size() < limits_.max_resets) {
    resets.push_back(now);
    return std::nullopt;
  }
  const auto wait = std::chrono::ceil<std::chrono::seconds>(resets.front() + limits_.window - now);
  return std::max(wait, std::chrono::seconds(1));
}

}  // namespace oofgate::core
