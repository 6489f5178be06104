#include "gateway/auth/jwt_verifier.h"

#include <utility>

#include "core/text/utf8.h"
#include "gateway/auth/jwt_base64url.h"
#include "gateway/auth/jwt_json.h"
#include "gateway/config/jwks_file.h"

namespace oofgate::gateway {
namespace {

core::Error config_error(const std::string& message) { return core::Error{core::ErrorCode::kInvalidArgument, message}; }

// The three dot-separated parts of a JWS compact serialization (RFC 7515 §7.1).
struct CompactParts {
  std::string_view header;
  std::string_view payload;
  std::string_view signature;
};

std::optional<CompactParts> split_compact(std::string_view token) {
  const std::size_t first = token.find('.');
  if (first == std::string_view::npos) {
    return std::nullopt;
  }
  const std::size_t second = token.find('.', first + 1);
  if (second == std::string_view::npos || token.find('.', second + 1) != std::string_view::npos) {
    return std::nullopt;
  }
  return CompactParts{token.substr(0, first), token.substr(first + 1, second - first - 1), token.substr(second + 1)};
}

bool decode_object(std::string_view encoded, rapidjson::Document& out) {
  const auto json = decode_base64url(encoded);
  return json && parse_unique_object(*json, out);
}

}  // namespace

core::Result<std::unique_ptr<JwtVerifier>> JwtVerifier::create(JwtVerifierConfig config,
                                                               const core::Directory& directory,
                                                               const core::Clock& clock) {
  if (config.rules.issuers.empty() || config.rules.audiences.empty()) {
    return config_error("JWT verification needs at least one issuer and one audience");
  }
  if (config.jwks.empty() && config.hs256_secret.empty()) {
    return config_error("JWT verification needs a JWKS file or an HS256 secret");
  }
  if (!config.hs256_secret.empty() && config.hs256_secret.size() < kMinSecretBytes) {
    return config_error("the HS256 secret must have at least " + std::to_string(kMinSecretBytes) + " bytes");
  }
  auto keys = std::make_shared<const JwtKeySet>();
  if (!config.jwks.empty()) {
    auto loaded = load_jwks(config.jwks);
    if (!loaded) {
      return loaded.error();
    }
    keys = std::make_shared<const JwtKeySet>(std::move(loaded).value());
    if (config.jwks_loaded) {
      config.jwks_loaded();
    }
  }
  return std::unique_ptr<JwtVerifier>(new JwtVerifier(std::move(config), directory, clock, std::move(keys)));
}

JwtVerifier::JwtVerifier(JwtVerifierConfig config, const core::Directory& directory, const core::Clock& clock,
                         std::shared_ptr<const JwtKeySet> keys)
    : config_(std::move(config)),
      directory_(directory),
      clock_(clock),
      keys_(std::move(keys)),
      cache_(config_.cache_capacity),
      applications_(config_.max_applications) {
  if (!config_.jwks.empty()) {
    refresher_ = std::make_unique<JwksRefresher>(config_.jwks, clock_, [this](JwtKeySet fresh) {
      install_keys(std::move(fresh));
      if (config_.jwks_loaded) {
        config_.jwks_loaded();
      }
    });
  }
}

void JwtVerifier::wait_for_key_refresh() const {
  if (refresher_) {
    refresher_->wait_idle();
  }
}

std::int64_t JwtVerifier::now_seconds() const {
  return std::chrono::floor<std::chrono::seconds>(clock_.now()).time_since_epoch().count();
}

std::shared_ptr<const JwtKeySet> JwtVerifier::current_keys() const {
  const std::scoped_lock lock(keys_mutex_);
  return keys_;
}

void JwtVerifier::install_keys(JwtKeySet keys) {
  {
    const std::scoped_lock lock(keys_mutex_);
    keys_ = std::make_shared<const JwtKeySet>(std::move(keys));
  }
  // A key that left the set must stop vouching for the tokens it signed.
  cache_.clear();
}

JwtVerdict JwtVerifier::verify(std::string_view token) const {
  if (token.size() > kMaxTokenBytes) {
    return jwt_rejected(JwtRejection::kTooLarge,
                        "the token is longer than " + std::to_string(kMaxTokenBytes) + " bytes");
  }
  const std::int64_t now = now_seconds();
  if (auto cached = cache_.find(token, now)) {
    return JwtVerdict{cached, JwtRejection::kMalformed, {}};
  }
  return verify_uncached(token, now);
}

JwtVerdict JwtVerifier::verify_uncached(std::string_view token, std::int64_t now) const {
  const auto parts = split_compact(token);
  if (!parts) {
    return jwt_rejected(JwtRejection::kMalformed, "the token is not three dot-separated parts");
  }
  const auto header = decode_base64url(parts->header);
  if (!header) {
    return jwt_rejected(JwtRejection::kMalformed, "the token's header is not base64url");
  }
  const std::string_view signing_input = token.substr(0, parts->header.size() + 1 + parts->payload.size());
  if (auto rejected = check_signature(*header, signing_input, parts->signature)) {
    return std::move(*rejected);
  }
  // The payload is read only once the signature vouches for it.
  rapidjson::Document claims;
  if (!decode_object(parts->payload, claims)) {
    return jwt_rejected(JwtRejection::kMalformed, "the token's payload is not a base64url JSON object");
  }
  std::int64_t valid_until = 0;
  if (auto rejected = check_registered_claims(claims, config_.rules, now, valid_until)) {
    return std::move(*rejected);
  }
  auto verdict = resolve_principal(claims, directory_, applications_);
  if (verdict.verified()) {
    cache_.remember(token, *verdict.principal, valid_until, now);
  }
  return verdict;
}

// nullopt when the signature verified with the key the header names.
std::optional<JwtVerdict> JwtVerifier::check_signature(std::string_view header_json, std::string_view signing_input,
                                                       std::string_view encoded_signature) const {
  rapidjson::Document header;
  if (!parse_unique_object(header_json, header)) {
    return jwt_rejected(JwtRejection::kMalformed, "the token's header is not a JSON object");
  }
  // RFC 7515 §4.1.11: a recipient must refuse extensions it does not understand; oofgate knows none.
  if (header.HasMember("crit")) {
    return jwt_rejected(JwtRejection::kUnsupportedAlgorithm, "the token's header has crit extensions");
  }
  const std::string_view alg = string_member(header, "alg");
  const auto algorithm = parse_jws_algorithm(alg);
  if (!algorithm) {
    return jwt_rejected(JwtRejection::kUnsupportedAlgorithm,
                        "the token's alg " + core::printable_excerpt(alg, 16) + " is not accepted");
  }
  const auto kid = std::as_const(header).FindMember("kid");
  const auto signature = decode_base64url(encoded_signature);
  if (kid == std::as_const(header).MemberEnd()) {
    if (config_.hs256_secret.empty()) {
      return jwt_rejected(JwtRejection::kUnknownKey, "the token names no kid");
    }
    if (*algorithm != JwsAlgorithm::kHs256) {
      return jwt_rejected(JwtRejection::kUnsupportedAlgorithm, "a token without kid must be HS256");
    }
    if (!signature || !verify_hs256(config_.hs256_secret, signing_input, *signature)) {
      return jwt_rejected(JwtRejection::kBadSignature, "the token's signature does not verify");
    }
    return std::nullopt;
  }
  if (!kid->value.IsString() || kid->value.GetStringLength() == 0) {
    return jwt_rejected(JwtRejection::kMalformed, "the token's kid is not a string");
  }
  if (kid->value.GetStringLength() > kMaxKeyIdBytes) {
    return jwt_rejected(JwtRejection::kTooLarge,
                        "the token's kid is longer than " + std::to_string(kMaxKeyIdBytes) + " bytes");
  }
  const std::string_view key_id(kid->value.GetString(), kid->value.GetStringLength());
  const auto keys = current_keys();
  const JwtPublicKey* key = keys->find(key_id);
  if (key == nullptr) {
    if (refresher_ && refresher_->request()) {
      return jwt_rejected(JwtRejection::kUnknownKey,
                          "the token's kid names no known signing key (the key set is being refreshed: retry shortly)");
    }
    return jwt_rejected(JwtRejection::kUnknownKey, "the token's kid names no known signing key");
  }
  if (key->algorithm() != *algorithm) {
    return jwt_rejected(JwtRejection::kUnsupportedAlgorithm,
                        "the token's alg " + std::string(jws_algorithm_name(*algorithm)) +
                            " does not match its key's " + std::string(jws_algorithm_name(key->algorithm())));
  }
  if (!signature || !key->verify(signing_input, *signature)) {
    return jwt_rejected(JwtRejection::kBadSignature, "the token's signature does not verify");
  }
  return std::nullopt;
}

}  // namespace oofgate::gateway
