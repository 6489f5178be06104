#pragma once

#include <optional>
#include <string>

#include "core/directory/principal.h"

namespace oofgate::core {

// What the gateway found in a request's credentials, before any facade looks at it.
enum class CredentialScheme : std::uint8_t { kNone, kBearer, kBasic, kOther };

struct Caller {
  CredentialScheme scheme = CredentialScheme::kNone;
  std::optional<Principal> principal;  // set only when the credentials verified
  // Why presented credentials did not verify, for the client (e.g. "the token has expired");
  // empty when there is nothing more to say. Never contains the credential.
  std::string failure{};

  bool authenticated() const { return principal.has_value(); }
};

}  // namespace oofgate::core
