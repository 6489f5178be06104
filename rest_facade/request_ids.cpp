#include "rest_facade/request_ids.h"

#include <cstdio>

namespace oofgate::rest {

RequestIds::RequestIds() : engine_(std::random_device{}()) {}

std::string RequestIds::next() {
  std::uint64_t high = 0;
  std::uint64_t low = 0;
  {
    std::lock_guard lock(mutex_);
    high = engine_();
    low = engine_();
  }
  // RFC 4122: version 4, variant 10xx.
  high = (high & 0xffffffffffff0fffULL) | 0x0000000000004000ULL;
  low = (low & 0x3fffffffffffffffULL) | 0x8000000000000000ULL;
  char buffer[37];
  std::snprintf(buffer, sizeof buffer, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(high >> 32),
                static_cast<unsigned>((high >> 16) & 0xffffU), static_cast<unsigned>(high & 0xffffU),
                static_cast<unsigned>(low >> 48), static_cast<unsigned long long>(low & 0xffffffffffffULL));
  return buffer;
}

}  // namespace oofgate::rest
