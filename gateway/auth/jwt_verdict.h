#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/directory/principal.h"

namespace oofgate::gateway {

// Which check a JWT failed. Every one of them is a 401 InvalidAuthenticationToken on the wire;
// the enum lets the caller log and count them apart.
enum class JwtRejection : std::uint8_t {
  kMalformed,             // not header.payload.signature of base64url JSON objects, or a claim of the wrong type
  kTooLarge,              // the token, its kid, or a claim list over its bound
  kUnsupportedAlgorithm,  // alg "none", unknown, or not the algorithm of the key that would verify it
  kUnknownKey,            // no key with that kid (after a rate-limited JWKS reload), or no key for tokens without one
  kBadSignature,          // the signature does not verify
  kMissingExpiry,         // no exp claim
  kExpired,               // exp (plus leeway) has passed
  kNotYetValid,           // nbf or iat (minus leeway) is still ahead
  kWrongIssuer,           // iss is none of the configured issuers
  kWrongAudience,         // aud does not contain the configured audience
  kUnknownUser,           // delegated token whose oid / upn / preferred_username names no user
  kNoPermissions,         // neither scp (delegated) nor roles (application)
  kUnknownApplication,    // application token without a usable azp / appid / client_id
};

std::string_view jwt_rejection_name(JwtRejection rejection);

// The outcome of one JWT verification: a principal, or why not.
struct JwtVerdict {
  std::optional<core::Principal> principal;
  JwtRejection rejection = JwtRejection::kMalformed;  // meaningful only without a principal
  // Which check failed, in one sentence fit for a 401 message and the log. Never contains the
  // token, and any claim value in it has been through core::printable_excerpt().
  std::string reason;

  bool verified() const { return principal.has_value(); }
};

}  // namespace oofgate::gateway

namespace oofgate::gateway {

inline JwtVerdict jwt_rejected(JwtRejection rejection, std::string reason) {
  return JwtVerdict{std::nullopt, rejection, std::move(reason)};
}

}  // namespace oofgate::gateway
