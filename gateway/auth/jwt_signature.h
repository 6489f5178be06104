#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

// OpenSSL's key type, declared here so this header does not pull in OpenSSL.
struct evp_pkey_st;

namespace oofgate::gateway {

// The JWS algorithms oofgate verifies (RFC 7518 §3.1). A key decides its algorithm; the token's
// `alg` header only has to agree with it.
enum class JwsAlgorithm : std::uint8_t { kRs256, kEs256, kHs256 };

// "RS256", "ES256", "HS256"; nullopt for anything else ("none" included).
std::optional<JwsAlgorithm> parse_jws_algorithm(std::string_view name);
std::string_view jws_algorithm_name(JwsAlgorithm algorithm);

// A public key from a JWKS: RSA (2048 to 8192 bits, for RS256) or EC P-256 (for ES256).
class JwtPublicKey {
 public:
  static constexpr int kMinRsaBits = 2048;
  static constexpr int kMaxRsaBits = 8192;

  // n and e are the big-endian bytes of the JWK members (RFC 7518 §6.3.1).
  static core::Result<JwtPublicKey> rsa(std::string_view modulus, std::string_view exponent);
  // x and y are the 32-byte big-endian coordinates (RFC 7518 §6.2.1); the point must be on the curve.
  static core::Result<JwtPublicKey> ec_p256(std::string_view x, std::string_view y);

  JwsAlgorithm algorithm() const { return algorithm_; }
  // RS256: PKCS #1 v1.5 over SHA-256, the signature exactly as long as the modulus. ES256: the
  // JOSE form r || s, exactly 64 bytes (RFC 7518 §3.4); a DER-encoded signature is refused.
  bool verify(std::string_view signing_input, std::string_view signature) const;

 private:
  struct Free {
    void operator()(evp_pkey_st* key) const;
  };
  JwtPublicKey(JwsAlgorithm algorithm, evp_pkey_st* key) : algorithm_(algorithm), key_(key, Free{}) {}

  JwsAlgorithm algorithm_;
  std::shared_ptr<evp_pkey_st> key_;  // shared: key sets are copied on reload, keys are immutable
};

// HMAC-SHA-256 (RFC 7518 §3.2); verification compares in constant time.
std::string sign_hs256(std::string_view secret, std::string_view signing_input);
bool verify_hs256(std::string_view secret, std::string_view signing_input, std::string_view signature);

}  // namespace oofgate::gateway
