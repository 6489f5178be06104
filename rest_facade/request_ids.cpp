#include "rest_facade/request_ids.h"

#include <cstdint>
#include <random>

namespace oofgate::rest {
namespace {

// xoshiro256** (Blackman and Vigna): small, fast, and statistically sound for identifiers.
class Xoshiro256 {
 public:
  Xoshiro256() {
    std::random_device device;
    for (auto& word : state_) {
      word = (static_cast<std::uint64_t>(device()) << 32) | device();
    }
  }
  std::uint64_t next() {
    const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t state_[4];
};

void put_hex(char* out, std::uint64_t value, int digits) {
  static constexpr char kHex[] = "0123456789abcdef";
  for (int i = digits - 1; i >= 0; --i) {
    out[i] = kHex[value & 0xfU];
    value >>= 4;
  }
}

}  // namespace

std::string RequestIds::next() {
  thread_local Xoshiro256 engine;
  // RFC 4122: version 4, variant 10xx.
  const std::uint64_t high = (engine.next() & 0xffffffffffff0fffULL) | 0x0000000000004000ULL;
  const std::uint64_t low = (engine.next() & 0x3fffffffffffffffULL) | 0x8000000000000000ULL;
  std::string id(36, '-');
  put_hex(id.data(), high >> 32, 8);
  put_hex(id.data() + 9, high >> 16, 4);
  put_hex(id.data() + 14, high, 4);
  put_hex(id.data() + 19, low >> 48, 4);
  put_hex(id.data() + 24, low, 12);
  return id;
}

}  // namespace oofgate::rest
