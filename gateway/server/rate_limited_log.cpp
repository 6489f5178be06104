#include "gateway/server/rate_limited_log.h"

namespace oofgate::gateway {

bool RateLimitedLog::report(std::string_view message, Clock::time_point now) {
  std::string line;
  {
    const std::lock_guard lock(mutex_);
    if (last_written_ && now - *last_written_ < interval_) {
      ++left_out_;
      return false;
    }
    last_written_ = now;
    line = "oofgate: " + std::string(message);
    if (left_out_ > 0) {
      line += " (" + std::to_string(left_out_) + " more since the last such line)";
      left_out_ = 0;
    }
    line += "\n";
  }
  out_ << line << std::flush;
  return true;
}

}  // namespace oofgate::gateway
