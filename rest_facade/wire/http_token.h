#pragma once

#include <algorithm>
#include <string_view>

namespace oofgate::rest {

// RFC 9110 §5.6.2 tchar: what a field name (and any other token) is made of.
inline bool is_token_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

inline bool is_field_name(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), is_token_char);
}

}  // namespace oofgate::rest
