#include "gateway/http/credentials.h"

#include <algorithm>

#include <optional>
#include <string>
#include "core/text/ascii.h"

namespace oofgate::gateway {
namespace {

bool starts_with_scheme(std::string_view value, std::string_view scheme) {
  if (value.size() <= scheme.size() || value[scheme.size()] != ' ') {
    return false;
  }
  return core::iequals_ascii(value.substr(0, scheme.size()), scheme);
}

std::optional<std::string> decode_base64(std::string_view text) {
  auto value_of = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  while (!text.empty() && text.back() == '=') {
    text.remove_suffix(1);
  }
  std::string out;
  unsigned int buffer = 0;
  int bits = 0;
  for (char c : text) {
    const int v = value_of(c);
    if (v < 0) {
      return std::nullopt;
    }
    buffer = (buffer << 6) | static_cast<unsigned int>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xFFU));
    }
  }
  return out;
}

}  // namespace

core::Caller authenticate(std::string_view authorization, const core::Directory& directory) {
  core::Caller caller;
  authorization = core::trim(authorization, " ");
  if (authorization.empty()) {
    return caller;
  }
  if (starts_with_scheme(authorization, "Bearer")) {
    caller.scheme = core::CredentialScheme::kBearer;
    caller.principal = directory.authenticate_bearer(core::trim(authorization.substr(7), " "));
    return caller;
  }
  if (starts_with_scheme(authorization, "Basic")) {
    caller.scheme = core::CredentialScheme::kBasic;
    const auto decoded = decode_base64(core::trim(authorization.substr(6), " "));
    if (decoded) {
      const auto colon = decoded->find(':');
      if (colon != std::string::npos) {
        caller.principal = directory.authenticate_basic(std::string_view(*decoded).substr(0, colon),
                                                        std::string_view(*decoded).substr(colon + 1));
      }
    }
    return caller;
  }
  caller.scheme = core::CredentialScheme::kOther;
  return caller;
}

}  // namespace oofgate::gateway
