#include "gateway/http/credentials.h"

#include <algorithm>

#include "core/text/ascii.h"

namespace oofgate::gateway {
namespace {

// "<scheme> <credentials>" with the scheme compared case-insensitively; the rest after the space.
std::optional<std::string_view> after_scheme(std::string_view value, std::string_view scheme) {
  if (value.size() <= scheme.size() || (value[scheme.size()] != ' ' && value[scheme.size()] != '\t') ||
      !core::iequals_ascii(value.substr(0, scheme.size()), scheme)) {
    return std::nullopt;
  }
  return core::trim(value.substr(scheme.size() + 1), core::kHttpSpace);
}

}  // namespace

PresentedCredentials parse_authorization(std::string_view authorization) {
  PresentedCredentials presented;
  authorization = core::trim(authorization, core::kHttpSpace);
  if (authorization.empty()) {
    return presented;
  }
  if (const auto token = after_scheme(authorization, "Bearer")) {
    presented.scheme = core::CredentialScheme::kBearer;
    presented.token = *token;
    presented.well_formed = !token->empty();
    return presented;
  }
  if (const auto encoded = after_scheme(authorization, "Basic")) {
    presented.scheme = core::CredentialScheme::kBasic;
    presented.basic = parse_basic_token(*encoded);
    presented.well_formed = presented.basic.has_value();
    return presented;
  }
  presented.scheme = core::CredentialScheme::kOther;
  return presented;
}

core::Caller authenticate(const PresentedCredentials& presented, const core::Directory& directory,
                          const JwtVerifier* jwt) {
  core::Caller caller;
  caller.scheme = presented.scheme;
  if (!presented.well_formed) {
    return caller;
  }
  if (presented.scheme == core::CredentialScheme::kBearer) {
    caller.principal = directory.authenticate_bearer(presented.token);
    if (!caller.principal && jwt != nullptr && std::count(presented.token.begin(), presented.token.end(), '.') == 2) {
      auto verdict = jwt->verify(presented.token);
      caller.principal = verdict.principal;
      if (!verdict.verified()) {
        caller.failure = std::move(verdict.reason);
      }
    }
  } else if (presented.scheme == core::CredentialScheme::kBasic) {
    caller.principal = directory.authenticate_basic(presented.basic->user_name, presented.basic->password);
  }
  return caller;
}

core::Caller authenticate(std::string_view authorization, const core::Directory& directory) {
  return authenticate(parse_authorization(authorization), directory);
}

}  // namespace oofgate::gateway
