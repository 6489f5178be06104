#include "gateway/http/credentials.h"

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

int base64_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

}  // namespace

std::optional<std::string> decode_base64(std::string_view text) {
  std::size_t padding = 0;
  while (!text.empty() && text.back() == '=' && padding < 2) {
    text.remove_suffix(1);
    ++padding;
  }
  if (text.size() % 4 == 1 || (padding != 0 && (text.size() + padding) % 4 != 0)) {
    return std::nullopt;
  }
  std::string out;
  out.reserve(text.size() * 3 / 4);
  unsigned int buffer = 0;
  int bits = 0;
  for (char c : text) {
    const int v = base64_value(c);
    if (v < 0) {
      return std::nullopt;
    }
    buffer = ((buffer << 6U) | static_cast<unsigned int>(v)) & 0xFFFFFFU;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> static_cast<unsigned int>(bits)) & 0xFFU));
    }
  }
  return out;
}

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
    auto decoded = decode_base64(*encoded);
    const auto colon = decoded ? decoded->find(':') : std::string::npos;
    if (colon != std::string::npos) {
      presented.user_name = decoded->substr(0, colon);
      presented.password = decoded->substr(colon + 1);
      presented.well_formed = true;
    }
    return presented;
  }
  presented.scheme = core::CredentialScheme::kOther;
  return presented;
}

core::Caller authenticate(const PresentedCredentials& presented, const core::Directory& directory) {
  core::Caller caller;
  caller.scheme = presented.scheme;
  if (!presented.well_formed) {
    return caller;
  }
  if (presented.scheme == core::CredentialScheme::kBearer) {
    caller.principal = directory.authenticate_bearer(presented.token);
  } else if (presented.scheme == core::CredentialScheme::kBasic) {
    caller.principal = directory.authenticate_basic(presented.user_name, presented.password);
  }
  return caller;
}

core::Caller authenticate(std::string_view authorization, const core::Directory& directory) {
  return authenticate(parse_authorization(authorization), directory);
}

}  // namespace oofgate::gateway
