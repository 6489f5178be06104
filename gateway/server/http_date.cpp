#include "gateway/server/http_date.h"

#include <chrono>
#include <ctime>

namespace oofgate::gateway {

std::string_view http_date_now() {
  thread_local std::time_t cached_second = 0;
  thread_local char text[64] = {};
  thread_local std::size_t length = 0;
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  if (now != cached_second) {
    std::tm utc{};
    gmtime_r(&now, &utc);
    length = std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &utc);
    cached_second = now;
  }
  return std::string_view(text, length);
}

}  // namespace oofgate::gateway
