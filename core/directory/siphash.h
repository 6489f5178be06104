#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace oofgate::core {

// SipHash-2-4 with 128-bit output (Aumasson and Bernstein): a keyed pseudo-random function.
// Used to remember which credentials already verified without keeping them: the digest of a
// password under a per-process random key reveals nothing without the key, and computing it
// costs a few hundred instructions instead of the several thousand of OpenSSL's HMAC on every
// Basic-authenticated request.
std::array<std::uint64_t, 2> siphash128(const std::array<std::uint64_t, 2>& key, std::string_view data);

}  // namespace oofgate::core
