#include "core/service/pin_policy.h"

#include <array>

#include <openssl/crypto.h>
#include <openssl/rand.h>

namespace oofgate::core {
namespace {

// Bytes at or above this would make some digits likelier than others (256 = 25 * 10 + 6).
constexpr std::uint8_t kUnbiasedLimit = 250;
// A policy-conforming PIN is found within a few draws; this only bounds a broken random source.
constexpr int kMaxDraws = 1000;

}  // namespace

bool secure_random_bytes(std::span<std::uint8_t> out) {
  return RAND_bytes(out.data(), static_cast<int>(out.size())) == 1;
}

bool is_common_pin_pattern(std::string_view pin) {
  if (pin.size() < 2) {
    return false;
  }
  bool repeated = true;
  bool ascending = true;
  bool descending = true;
  for (std::size_t i = 1; i < pin.size(); ++i) {
    const int step = pin[i] - pin[i - 1];
    repeated = repeated && step == 0;
    ascending = ascending && (step == 1 || step == -9);    // 7890 wraps around
    descending = descending && (step == -1 || step == 9);  // 3210 wraps around
  }
  return repeated || ascending || descending;
}

Result<std::string> generate_pin(const PinPolicy& policy, const RandomBytes& random) {
  if (policy.min_length < PinPolicy::kShortest || policy.min_length > PinPolicy::kLongest) {
    return Error{ErrorCode::kInvalidArgument, "The PIN length must be from 4 to 24 digits."};
  }
  std::string pin;
  pin.reserve(policy.min_length);
  std::array<std::uint8_t, 32> pool{};
  for (int draw = 0; draw < kMaxDraws; ++draw) {
    pin.clear();
    while (pin.size() < policy.min_length) {
      if (!random(pool)) {
        OPENSSL_cleanse(pool.data(), pool.size());
        return Error{ErrorCode::kInternal, "the random source failed while generating a PIN"};
      }
      for (std::uint8_t byte : pool) {
        if (byte < kUnbiasedLimit && pin.size() < policy.min_length) {
          pin.push_back(static_cast<char>('0' + byte % 10));
        }
      }
    }
    if (policy.allow_common_patterns || !is_common_pin_pattern(pin)) {
      OPENSSL_cleanse(pool.data(), pool.size());
      return pin;
    }
  }
  OPENSSL_cleanse(pool.data(), pool.size());
  return Error{ErrorCode::kInternal, "the random source kept producing common PIN patterns"};
}

}  // namespace oofgate::core
