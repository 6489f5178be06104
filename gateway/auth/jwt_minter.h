#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace oofgate::gateway {

// What `oofgate token` puts into a token (for demos and tests, never for production identity).
struct JwtMintRequest {
  std::string issuer;
  std::string audience;
  std::string user;         // delegated: the user's UPN (claims upn and preferred_username)
  std::string application;  // application: the client id (claim azp); exactly one of user / application
  std::string scopes;       // delegated: space-separated, e.g. "MailboxSettings.ReadWrite User.Read"
  std::string roles;        // application: space-separated, written as the roles array
  std::chrono::seconds ttl{3600};
};

// An HS256 JWT (RFC 7519) signed with `secret`, issued at `now` (Unix seconds): header
// {"alg":"HS256","typ":"JWT"} without kid, claims iss, aud, iat, nbf, exp, and the identity claims.
std::string mint_hs256_token(const std::string& secret, const JwtMintRequest& request, std::int64_t now);

}  // namespace oofgate::gateway
