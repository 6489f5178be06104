#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.h"
#include "gateway/auth/jwt_key_set.h"

namespace oofgate::gateway {

// Bounds on a JWKS document, so loading one costs bounded time and memory whatever it holds.
inline constexpr std::size_t kMaxJwksBytes = 1024 * 1024;
inline constexpr std::size_t kMaxJwksKeys = 100;
inline constexpr std::size_t kMaxKeyIdBytes = 256;

// A JWK Set (RFC 7517 §5). Keys used for signatures (`use` absent or "sig") of type RSA (RS256)
// or EC on P-256 (ES256) are kept by `kid`; keys for encryption, of other types or curves, or
// whose `alg` names another algorithm are skipped, as Keycloak publishes an "enc" RSA-OAEP key
// beside its signing keys. A document over the bounds, not a {"keys": [...]} object, with a
// usable key that lacks a `kid`, has broken key material, or names one `kid` twice is refused
// as a whole, with a message that names the offending key.
core::Result<JwtKeySet> parse_jwks(std::string_view json);
core::Result<JwtKeySet> load_jwks_file(const std::string& path);

}  // namespace oofgate::gateway
