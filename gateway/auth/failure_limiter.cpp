#include "gateway/auth/failure_limiter.h"

#include <algorithm>

namespace oofgate::gateway {

FailureLimiter::FailureLimiter(FailureLimits limits, const core::Clock& clock) : limits_(limits), clock_(clock) {
  index_.reserve(limits_.capacity);
}

std::optional<std::chrono::seconds> FailureLimiter::blocked_for(std::string_view address) {
  if (limits_.max_failures == 0) {
    return std::nullopt;
  }
  const core::Instant now = clock_.now();
  std::lock_guard lock(mutex_);
  const auto found = index_.find(address);
  if (found == index_.end()) {
    return std::nullopt;
  }
  const Entry& entry = *found->second;
  if (expired(entry, now)) {
    entries_.erase(found->second);
    index_.erase(found);
    return std::nullopt;
  }
  if (entry.failures < limits_.max_failures) {
    return std::nullopt;
  }
  return remaining(entry, now);
}

std::chrono::seconds FailureLimiter::remaining(const Entry& entry, core::Instant now) const {
  const auto wait = std::chrono::ceil<std::chrono::seconds>(entry.window_start + limits_.window - now);
  return std::max(wait, std::chrono::seconds(1));
}

FailureLimiter::Entry& FailureLimiter::touch(std::string_view address, core::Instant now) {
  auto found = index_.find(address);
  if (found == index_.end()) {
    if (entries_.size() >= limits_.capacity) {
      index_.erase(entries_.back().address);
      entries_.pop_back();
    }
    entries_.push_front(Entry{std::string(address), now, 0});
    found = index_.emplace(entries_.front().address, entries_.begin()).first;
  } else {
    entries_.splice(entries_.begin(), entries_, found->second);
  }
  Entry& entry = *found->second;
  if (expired(entry, now)) {
    entry.window_start = now;
    entry.failures = 0;
  }
  return entry;
}

void FailureLimiter::record_failure(std::string_view address) {
  if (limits_.max_failures == 0 || limits_.capacity == 0) {
    return;
  }
  const core::Instant now = clock_.now();
  std::lock_guard lock(mutex_);
  Entry& entry = touch(address, now);
  entry.failures = std::min(entry.failures + 1, limits_.max_failures);
}

std::optional<std::chrono::seconds> FailureLimiter::begin_check(std::string_view address, Check& check) {
  if (limits_.max_failures == 0 || limits_.capacity == 0) {
    return std::nullopt;
  }
  const core::Instant now = clock_.now();
  std::lock_guard lock(mutex_);
  Entry& entry = touch(address, now);
  if (entry.failures >= limits_.max_failures) {
    return remaining(entry, now);
  }
  ++entry.failures;
  check.window_start = entry.window_start;
  return std::nullopt;
}

void FailureLimiter::forgive(std::string_view address, const Check& check) {
  if (limits_.max_failures == 0 || limits_.capacity == 0) {
    return;
  }
  std::lock_guard lock(mutex_);
  const auto found = index_.find(address);
  if (found == index_.end()) {
    return;
  }
  Entry& entry = *found->second;
  if (entry.window_start == check.window_start && entry.failures > 0) {
    --entry.failures;
  }
}

std::size_t FailureLimiter::tracked_addresses() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

}  // namespace oofgate::gateway
