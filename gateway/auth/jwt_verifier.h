#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/directory/directory.h"
#include "core/result.h"
#include "core/time/clock.h"
#include "gateway/auth/jwt_claims.h"
#include "gateway/auth/jwt_identity.h"
#include "gateway/auth/jwt_key_set.h"
#include "gateway/auth/jwt_token_cache.h"
#include "gateway/auth/jwt_verdict.h"

namespace oofgate::gateway {

struct JwtVerifierConfig {
  JwtClaimRules rules;                            // issuers (one or more), audiences (one or more), leeway
  std::string jwks_file;                          // RS256 / ES256 keys by kid; empty: none
  std::string hs256_secret;                       // the key for tokens without a kid; empty: HS256 is refused
  std::chrono::seconds jwks_reload_interval{60};  // at most one reload per interval, on an unknown kid
  std::size_t cache_capacity = 10000;             // verified tokens remembered
  std::size_t max_applications = 1024;            // distinct application subjects
};

// Verifies JWT bearer tokens (RFC 7519, JWS compact serialization RFC 7515) and maps them to a
// principal of the directory. The key decides the algorithm, never the token: a token with a
// `kid` is checked with that JWKS key (RSA: RS256, EC P-256: ES256), a token without one with
// the HS256 secret when one is configured; any other `alg` is refused. An unknown kid reloads
// the JWKS file, at most once per interval (on the calling thread: a bounded local file read).
// Verified tokens are cached until they expire. Thread-safe; the directory and clock are
// borrowed and must outlive the verifier.
class JwtVerifier {
 public:
  static constexpr std::size_t kMaxTokenBytes = 16 * 1024;
  static constexpr std::size_t kMinSecretBytes = 32;

  // Loads the JWKS file; refuses a configuration without an issuer, an audience or any key.
  static core::Result<std::unique_ptr<JwtVerifier>> create(JwtVerifierConfig config, const core::Directory& directory,
                                                           const core::Clock& clock);

  JwtVerdict verify(std::string_view token) const;

  // The issuer a 401 challenge should name (the first configured one).
  const std::string& primary_issuer() const { return config_.rules.issuers.front(); }
  // After the users file was reloaded: a remembered token may name a user who is gone.
  void forget_verified_tokens() const { cache_.clear(); }

 private:
  JwtVerifier(JwtVerifierConfig config, const core::Directory& directory, const core::Clock& clock,
              std::shared_ptr<const JwtKeySet> keys);

  std::int64_t now_seconds() const;
  std::shared_ptr<const JwtKeySet> current_keys() const;
  // Re-reads the JWKS file unless that happened less than an interval ago; true when it did and
  // the new set loaded (a broken file keeps the last good set).
  bool reload_keys() const;
  JwtVerdict verify_uncached(std::string_view token, std::int64_t now) const;
  std::optional<JwtVerdict> check_signature(std::string_view header_json, std::string_view signing_input,
                                            std::string_view encoded_signature) const;

  JwtVerifierConfig config_;
  const core::Directory& directory_;
  const core::Clock& clock_;
  mutable std::mutex keys_mutex_;
  mutable std::shared_ptr<const JwtKeySet> keys_;
  mutable std::mutex reload_mutex_;
  mutable std::optional<std::int64_t> last_reload_;
  mutable JwtTokenCache cache_;
  mutable SubjectInterner applications_;
};

}  // namespace oofgate::gateway
