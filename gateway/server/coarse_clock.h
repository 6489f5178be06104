#pragma once

#include <chrono>
#include <ctime>

namespace oofgate::gateway {

using SteadyTime = std::chrono::steady_clock::time_point;

// The monotonic clock as of the kernel's last tick (a few milliseconds old), on the same scale as
// std::chrono::steady_clock (both are CLOCK_MONOTONIC). Enough for timeouts counted in seconds,
// and cheaper than a precise reading, which a connection would otherwise pay several times per
// request.
inline SteadyTime coarse_now() noexcept {
  timespec now{};
  clock_gettime(CLOCK_MONOTONIC_COARSE, &now);
  return SteadyTime(std::chrono::duration_cast<SteadyTime::duration>(std::chrono::seconds(now.tv_sec) +
                                                                     std::chrono::nanoseconds(now.tv_nsec)));
}

}  // namespace oofgate::gateway
