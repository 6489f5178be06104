#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace oofgate::gateway {

// base64url without padding (RFC 7515 §2, RFC 4648 §5), the encoding of every JWS part and JWK
// member. Decoding is strict: only the URL-safe alphabet, no '=', no length that leaves 6 bits
// over, and the unused low bits of the last character zero, so one byte string has exactly one
// accepted spelling.
std::optional<std::string> decode_base64url(std::string_view text);
std::string encode_base64url(std::string_view bytes);

}  // namespace oofgate::gateway
