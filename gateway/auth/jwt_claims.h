#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "gateway/auth/jwt_verdict.h"

namespace oofgate::gateway {

// What the registered claims of a token must satisfy (RFC 7519 §4.1).
struct JwtClaimRules {
  std::vector<std::string> issuers;    // iss must equal one of them exactly
  std::vector<std::string> audiences;  // aud (string or array) must contain one of them
  std::chrono::seconds leeway{300};    // clock skew allowed on exp, nbf and iat
};

// At most this many entries in aud, scp-split or roles; real tokens carry a handful.
inline constexpr std::size_t kMaxClaimListEntries = 64;

// Checks exp (required), nbf, iat, iss and aud at `now` (Unix seconds). NumericDates must be JSON
// integers: a string, a fraction or a number out of the 64-bit range is malformed. On success
// returns nullopt and sets `valid_until` to the last second the token is acceptable.
std::optional<JwtVerdict> check_registered_claims(const rapidjson::Value& claims, const JwtClaimRules& rules,
                                                  std::int64_t now, std::int64_t& valid_until);

}  // namespace oofgate::gateway
