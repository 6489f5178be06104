#include "gateway/auth/jwt_claims.h"

#include <algorithm>
#include <string_view>

namespace oofgate::gateway {
namespace {

// Microsoft Graph's own audiences: tokens for them are not verifiable by anyone but Microsoft.
constexpr std::string_view kGraphAudiences[] = {"https://graph.microsoft.com", "https://graph.microsoft.com/",
                                                "00000003-0000-0000-c000-000000000000"};

struct NumericDate {
  bool present = false;
  bool valid = true;
  std::int64_t seconds = 0;
};

NumericDate numeric_date(const rapidjson::Value& claims, const char* name) {
  const auto it = claims.FindMember(name);
  if (it == claims.MemberEnd()) {
    return {};
  }
  if (!it->value.IsInt64()) {
    return {true, false, 0};
  }
  return {true, true, it->value.GetInt64()};
}

std::optional<JwtVerdict> check_times(const rapidjson::Value& claims, std::int64_t now, std::int64_t leeway,
                                      std::int64_t& valid_until) {
  const NumericDate exp = numeric_date(claims, "exp");
  const NumericDate nbf = numeric_date(claims, "nbf");
  const NumericDate iat = numeric_date(claims, "iat");
  if (!exp.valid || !nbf.valid || !iat.valid) {
    return jwt_rejected(JwtRejection::kMalformed, "exp, nbf and iat must be integer NumericDates");
  }
  if (!exp.present) {
    return jwt_rejected(JwtRejection::kMissingExpiry, "the token has no exp claim");
  }
  // Written as comparisons with `now`, which is small, so no claim value can overflow them.
  if (exp.seconds < now - leeway) {
    return jwt_rejected(JwtRejection::kExpired, "the token has expired");
  }
  if (nbf.present && nbf.seconds > now + leeway) {
    return jwt_rejected(JwtRejection::kNotYetValid, "the token is not valid yet (nbf)");
  }
  if (iat.present && iat.seconds > now + leeway) {
    return jwt_rejected(JwtRejection::kNotYetValid, "the token was issued in the future (iat)");
  }
  valid_until = exp.seconds > INT64_MAX - leeway ? INT64_MAX : exp.seconds + leeway;
  return std::nullopt;
}

bool is_one_of(std::string_view value, const std::vector<std::string>& accepted) {
  return std::find(accepted.begin(), accepted.end(), value) != accepted.end();
}

std::optional<JwtVerdict> check_audience(const rapidjson::Value& claims, const std::vector<std::string>& audiences) {
  const auto it = claims.FindMember("aud");
  if (it == claims.MemberEnd()) {
    return jwt_rejected(JwtRejection::kWrongAudience, "the token has no aud claim");
  }
  std::vector<std::string_view> listed;
  if (it->value.IsString()) {
    listed.emplace_back(it->value.GetString(), it->value.GetStringLength());
  } else if (it->value.IsArray()) {
    if (it->value.Size() > kMaxClaimListEntries) {
      return jwt_rejected(JwtRejection::kTooLarge,
                          "aud lists more than " + std::to_string(kMaxClaimListEntries) + " audiences");
    }
    for (const auto& entry : it->value.GetArray()) {
      if (!entry.IsString()) {
        return jwt_rejected(JwtRejection::kMalformed, "aud must be a string or an array of strings");
      }
      listed.emplace_back(entry.GetString(), entry.GetStringLength());
    }
  } else {
    return jwt_rejected(JwtRejection::kMalformed, "aud must be a string or an array of strings");
  }
  if (std::any_of(listed.begin(), listed.end(), [&](std::string_view aud) { return is_one_of(aud, audiences); })) {
    return std::nullopt;
  }
  const bool for_graph = std::any_of(listed.begin(), listed.end(), [](std::string_view aud) {
    return std::find(std::begin(kGraphAudiences), std::end(kGraphAudiences), aud) != std::end(kGraphAudiences);
  });
  return jwt_rejected(JwtRejection::kWrongAudience,
                      for_graph ? "the token is for Microsoft Graph; request a token for oofgate's API"
                                : "the token's aud is not this API's audience");
}

}  // namespace

std::optional<JwtVerdict> check_registered_claims(const rapidjson::Value& claims, const JwtClaimRules& rules,
                                                  std::int64_t now, std::int64_t& valid_until) {
  if (auto rejected = check_times(claims, now, rules.leeway.count(), valid_until)) {
    return rejected;
  }
  const auto iss = claims.FindMember("iss");
  if (iss == claims.MemberEnd() || !iss->value.IsString() ||
      !is_one_of(std::string_view(iss->value.GetString(), iss->value.GetStringLength()), rules.issuers)) {
    return jwt_rejected(JwtRejection::kWrongIssuer, "the token's iss is not a trusted issuer");
  }
  return check_audience(claims, rules.audiences);
}

}  // namespace oofgate::gateway
