#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/directory/directory.h"

namespace oofgate::gateway {

// The user name and password of an HTTP Basic header (RFC 7617). The password is wiped when the
// object goes away.
struct BasicCredentials {
  std::string user_name;
  std::string password;

  BasicCredentials() = default;
  BasicCredentials(BasicCredentials&&) = default;
  BasicCredentials& operator=(BasicCredentials&&) = default;
  BasicCredentials(const BasicCredentials&) = delete;
  BasicCredentials& operator=(const BasicCredentials&) = delete;
  ~BasicCredentials();
};

// The longest token68 that can carry a user name and password the directory could accept;
// anything longer is refused before it is decoded.
inline constexpr std::size_t kMaxBasicTokenBytes =
    4 * ((core::Directory::kMaxUserNameBytes + 1 + core::Directory::kMaxPasswordBytes + 2) / 3);

// Decodes the token that follows "Basic " (surrounding spaces already trimmed). nullopt for a
// token over kMaxBasicTokenBytes, base64 that is not canonical RFC 4648 §4 (alphabet, length a
// multiple of 4, '=' only as final padding), no ':' separator, or a control character (NUL
// included) in the user name or password, which RFC 7617 §2 forbids.
std::optional<BasicCredentials> parse_basic_token(std::string_view token);

}  // namespace oofgate::gateway
