#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace oofgate::gateway {

// A log line for a condition that can repeat thousands of times a second (accept failing while
// the process is out of descriptors): written at most once per interval, the next one saying
// how many were left out. Thread-safe; shared by the listeners of all I/O threads.
class RateLimitedLog {
 public:
  using Clock = std::chrono::steady_clock;

  RateLimitedLog(std::ostream& out, Clock::duration interval) : out_(out), interval_(interval) {}

  // Writes "oofgate: <message>" unless a line was written less than an interval ago; returns
  // whether it wrote.
  bool report(std::string_view message, Clock::time_point now = Clock::now());

 private:
  std::ostream& out_;
  const Clock::duration interval_;
  std::mutex mutex_;
  std::optional<Clock::time_point> last_written_;
  std::size_t left_out_ = 0;
};

}  // namespace oofgate::gateway
