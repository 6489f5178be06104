#pragma once

#include <array>
#include <cstdint>

#include "core/directory/caller.h"
#include "support/core_fixture.h"

namespace oofgate::fuzzing {

// The callers a target may pick with three bits of its input, so the fuzzer reaches the paths
// behind authentication: delegated and application tokens with different rights, HTTP Basic
// (a UM user and one without UM), and nobody. Verified once: Basic's PBKDF2 is remembered.
inline std::array<core::Caller, 8> caller_table(const testing::CoreFixture& core) {
  const auto bearer = [&core](const char* token) {
    return core::Caller{core::CredentialScheme::kBearer, core.directory->authenticate_bearer(token)};
  };
  const auto basic = [&core](const char* user, const char* password) {
    return core::Caller{core::CredentialScheme::kBasic, core.directory->authenticate_basic(user, password)};
  };
  return {bearer("adele-rw"),
          bearer("app-rw"),
          bearer("adele-ro"),
          bearer("alex-rw"),
          basic(testing::kAdeleUpn, testing::kAdelePassword),
          basic(testing::kNoUmUpn, "Nora-Pa55"),
          bearer("app-ro"),
          core::Caller{}};
}

inline const core::Caller& pick_caller(const std::array<core::Caller, 8>& callers, std::uint8_t three_bits) {
  return callers[three_bits & 7U];
}

}  // namespace oofgate::fuzzing
