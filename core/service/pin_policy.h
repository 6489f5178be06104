#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>

#include "core/result.h"

namespace oofgate::core {

// The UM PIN policy (Exchange: UM mailbox policy MinPINLength, AllowCommonPatterns). A reset
// PIN is all digits, exactly `min_length` long, so a user can key it on any phone.
struct PinPolicy {
  static constexpr std::size_t kShortest = 4;  // Exchange accepts MinPINLength 4..24
  static constexpr std::size_t kLongest = 24;

  std::size_t min_length = 6;
  // false: refuse PINs a caller could guess (one repeated digit, or a run up or down such as 123456).
  bool allow_common_patterns = false;
};

// Fills the buffer with unpredictable bytes, or returns false. Injected so tests can script it.
using RandomBytes = std::function<bool(std::span<std::uint8_t> out)>;

// OpenSSL's CSPRNG (RAND_bytes).
bool secure_random_bytes(std::span<std::uint8_t> out);

// True for the patterns `allow_common_patterns = false` refuses.
bool is_common_pin_pattern(std::string_view pin);

// A new PIN under `policy`: uniformly random digits (rejection sampling, no modulo bias), drawn
// again while it is a common pattern that the policy refuses. kInvalidArgument for a policy
// outside [kShortest, kLongest], kInternal when the random source fails.
Result<std::string> generate_pin(const PinPolicy& policy, const RandomBytes& random = secure_random_bytes);

}  // namespace oofgate::core
