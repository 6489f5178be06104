#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/directory/caller.h"
#include "core/directory/directory.h"
#include "gateway/auth/basic_credentials.h"
#include "gateway/auth/jwt_verifier.h"

namespace oofgate::gateway {

// An Authorization header as presented (RFC 9110 §11.6.2), parsed once: the scheme, and the
// bearer token or the Basic user name and password. Nothing is verified yet.
struct PresentedCredentials {
  core::CredentialScheme scheme = core::CredentialScheme::kNone;
  std::string_view token;                 // Bearer: the token (a view into the header)
  std::optional<BasicCredentials> basic;  // Basic, decoded and checked (RFC 7617)
  bool well_formed = false;
};

// The scheme name is case-insensitive; surrounding whitespace is tolerated.
PresentedCredentials parse_authorization(std::string_view authorization);

// Verifies presented credentials against the directory, synchronously: a bearer lookup is a hash
// probe, Basic runs the password hash on the calling thread unless the digest cache knows it.
// A bearer token that is no opaque token of the users file and looks like a JWT (two dots) is
// verified by `jwt`, when one is configured.
core::Caller authenticate(const PresentedCredentials& presented, const core::Directory& directory,
                          const JwtVerifier* jwt = nullptr);
core::Caller authenticate(std::string_view authorization, const core::Directory& directory);

}  // namespace oofgate::gateway
