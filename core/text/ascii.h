#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace oofgate::core {

// ASCII-only text helpers shared by the wire layers: protocol tokens (media types, auth schemes,
// path segments, member names) compare case-insensitively in ASCII, never by locale.

char to_lower_ascii(char c);
std::string to_lower_ascii(std::string_view text);
bool iequals_ascii(std::string_view a, std::string_view b);
// The value of a hexadecimal digit (0-9, a-f, A-F); nullopt for any other byte.
std::optional<int> hex_digit_value(char c);
// Strips any of `chars` from both ends.
std::string_view trim(std::string_view text, std::string_view chars);

// HTTP optional whitespace (RFC 9110 OWS).
inline constexpr std::string_view kHttpSpace = " \t";

}  // namespace oofgate::core
