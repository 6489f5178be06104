#pragma once

#include <functional>

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
#include "gateway/auth/jwks_refresher.h"
#include "gateway/auth/jwks_source.h"
#include "gateway/auth/jwt_claims.h"
#include "gateway/auth/jwt_identity.h"
#include "gateway/auth/jwt_key_set.h"
#include "gateway/auth/jwt_token_cache.h"
#include "gateway/auth/jwt_verdict.h"

namespace oofgate::gateway {

struct JwtVerifierConfig {
  JwtClaimRules rules;                  // issuers (one or more), audiences (one or more), leeway
  JwksSource jwks;                      // RS256 / ES256 keys by kid (file or https URL); empty: none
  std::string hs256_secret;             // the key for tokens without a kid; empty: HS256 is refused
  std::size_t cache_capacity = 10000;   // verified tokens remembered
  std::size_t max_applications = 1024;  // distinct application subjects
  std::function<void()> jwks_loaded;    // told of each JWKS load, at start and by the refresher (metrics)
};

// Verifies JWT bearer tokens (RFC 7519, JWS compact serialization RFC 7515) and maps them to a
// principal of the directory. The key decides the algorithm, never the token: a token with a
// `kid` is checked with that JWKS key (RSA: RS256, EC P-256: ES256), a token without one with
// the HS256 secret when one is configured; any other `alg` is refused. An unknown kid is refused
// at once and asks the JWKS refresher (its own thread, at most once per interval) for the
// current key set, so the I/O thread never waits for a file or an identity provider and a
// flood of made-up kids holds no request; a retry once the new keys are in is accepted.
// Verified tokens are cached until they expire. Thread-safe; the directory and clock are
// borrowed and must outlive the verifier.
class JwtVerifier {
 public:
  static constexpr std::size_t kMaxTokenBytes = 16 * 1024;
  static constexpr std::size_t kMinSecretBytes = 32;

  // Loads the JWKS (reads the file or fetches the URL, on the calling thread); refuses a configuration without an
  // issuer, an audience or any key.
  static core::Result<std::unique_ptr<JwtVerifier>> create(JwtVerifierConfig config, const core::Directory& directory,
                                                           const core::Clock& clock);

  JwtVerdict verify(std::string_view token) const;

  // The issuer a 401 challenge should name (the first configured one).
  const std::string& primary_issuer() const { return config_.rules.issuers.front(); }
  // After the users file was reloaded: a remembered token may name a user who is gone.
  void forget_verified_tokens() const { cache_.clear(); }

  // Blocks until an asked-for JWKS refresh has finished (tests).
  void wait_for_key_refresh() const;

 private:
  JwtVerifier(JwtVerifierConfig config, const core::Directory& directory, const core::Clock& clock,
              std::shared_ptr<const JwtKeySet> keys);

  std::int64_t now_seconds() const;
  std::shared_ptr<const JwtKeySet> current_keys() const;
  void install_keys(JwtKeySet keys);
  JwtVerdict verify_uncached(std::string_view token, std::int64_t now) const;
  std::optional<JwtVerdict> check_signature(std::string_view header_json, std::string_view signing_input,
                                            std::string_view encoded_signature) const;

  JwtVerifierConfig config_;
  const core::Directory& directory_;
  const core::Clock& clock_;
  mutable std::mutex keys_mutex_;
  mutable std::shared_ptr<const JwtKeySet> keys_;
  mutable JwtTokenCache cache_;
  mutable SubjectInterner applications_;
  std::unique_ptr<JwksRefresher> refresher_;  // last: its thread installs into the members above
};

}  // namespace oofgate::gateway
