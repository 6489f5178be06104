#pragma once

#include <atomic>
#include <chrono>

#include "core/model/date_time.h"

namespace oofgate::core {

// The core never reads the system clock directly, so tests can pin "now".
class Clock {
 public:
  virtual ~Clock() = default;
  virtual Instant now() const = 0;
};

class SystemClock final : public Clock {
 public:
  Instant now() const override { return std::chrono::time_point_cast<Ticks>(std::chrono::system_clock::now()); }
};

// A clock that only moves when told to; for tests.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(Instant now) : now_(now.time_since_epoch().count()) {}
  Instant now() const override { return Instant{Ticks{now_.load()}}; }
  void set(Instant now) { now_.store(now.time_since_epoch().count()); }

 private:
  std::atomic<Ticks::rep> now_;
};

}  // namespace oofgate::core
