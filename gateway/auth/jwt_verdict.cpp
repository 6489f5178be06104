#include "gateway/auth/jwt_verdict.h"

namespace oofgate::gateway {

std::string_view jwt_rejection_name(JwtRejection rejection) {
  switch (rejection) {
    case JwtRejection::kMalformed:
      return "malformed";
    case JwtRejection::kTooLarge:
      return "too_large";
    case JwtRejection::kUnsupportedAlgorithm:
      return "unsupported_algorithm";
    case JwtRejection::kUnknownKey:
      return "unknown_key";
    case JwtRejection::kBadSignature:
      return "bad_signature";
    case JwtRejection::kMissingExpiry:
      return "missing_expiry";
    case JwtRejection::kExpired:
      return "expired";
    case JwtRejection::kNotYetValid:
      return "not_yet_valid";
    case JwtRejection::kWrongIssuer:
      return "wrong_issuer";
    case JwtRejection::kWrongAudience:
      return "wrong_audience";
    case JwtRejection::kUnknownUser:
      return "unknown_user";
    case JwtRejection::kNoPermissions:
      return "no_permissions";
    case JwtRejection::kUnknownApplication:
      return "unknown_application";
  }
  return "unknown";
}

}  // namespace oofgate::gateway
