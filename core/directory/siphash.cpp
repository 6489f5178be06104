#include "core/directory/siphash.h"

#include <cstring>

namespace oofgate::core {
namespace {

constexpr std::uint64_t rotl(std::uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

struct State {
  std::uint64_t v0, v1, v2, v3;

  void round() {
    v0 += v1;
    v1 = rotl(v1, 13);
    v1 ^= v0;
    v0 = rotl(v0, 32);
    v2 += v3;
    v3 = rotl(v3, 16);
    v3 ^= v2;
    v0 += v3;
    v3 = rotl(v3, 21);
    v3 ^= v0;
    v2 += v1;
    v1 = rotl(v1, 17);
    v1 ^= v2;
    v2 = rotl(v2, 32);
  }
  void compress(std::uint64_t m) {
    v3 ^= m;
    round();
    round();
    v0 ^= m;
  }
  std::uint64_t finish(std::uint64_t marker) {
    v2 ^= marker;
    for (int i = 0; i < 4; ++i) {
      round();
    }
    return v0 ^ v1 ^ v2 ^ v3;
  }
};

std::uint64_t load_le(const unsigned char* p) {
  std::uint64_t v = 0;
  for (int i = 7; i >= 0; --i) {
    v = (v << 8) | p[i];
  }
  return v;
}

}  // namespace

std::array<std::uint64_t, 2> siphash128(const std::array<std::uint64_t, 2>& key, std::string_view data) {
  State s{0x736f6d6570736575ULL ^ key[0], 0x646f72616e646f6dULL ^ key[1], 0x6c7967656e657261ULL ^ key[0],
          0x7465646279746573ULL ^ key[1]};
  s.v1 ^= 0xee;  // 128-bit output variant
  const auto* bytes = reinterpret_cast<const unsigned char*>(data.data());
  const std::size_t full = data.size() / 8 * 8;
  for (std::size_t i = 0; i < full; i += 8) {
    s.compress(load_le(bytes + i));
  }
  std::uint64_t last = static_cast<std::uint64_t>(data.size() & 0xff) << 56;
  for (std::size_t i = full; i < data.size(); ++i) {
    last |= static_cast<std::uint64_t>(bytes[i]) << (8 * (i - full));
  }
  s.compress(last);
  const std::uint64_t low = s.finish(0xee);
  s.v1 ^= 0xdd;
  const std::uint64_t high = s.finish(0);
  return {low, high};
}

}  // namespace oofgate::core
