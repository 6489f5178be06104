#include "gateway/http/host_field.h"

#include "core/text/ascii.h"

namespace oofgate::gateway {
namespace {

bool is_alpha_or_digit(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

bool is_hex_digit(char c) { return core::hex_digit_value(c).has_value(); }

// RFC 3986 unreserved and sub-delims.
bool is_name_character(char c) {
  return is_alpha_or_digit(c) || std::string_view("-._~!$&'()*+,;=").find(c) != std::string_view::npos;
}

// reg-name: *( unreserved / pct-encoded / sub-delims ).
bool is_registered_name(std::string_view name) {
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (name[i] == '%') {
      if (i + 2 >= name.size() || !is_hex_digit(name[i + 1]) || !is_hex_digit(name[i + 2])) {
        return false;
      }
      i += 2;
    } else if (!is_name_character(name[i])) {
      return false;
    }
  }
  return true;
}

// IP-literal without its brackets: an IPv6 address (hex digits, colons, dots for an embedded
// IPv4 address) or an IPvFuture ("v" HEXDIG "." then name characters or colons). The exact IPv6
// grammar is not checked: this tells a host from garbage, it connects to nothing.
bool is_ip_literal(std::string_view literal) {
  if (literal.empty()) {
    return false;
  }
  if (literal[0] == 'v' || literal[0] == 'V') {
    const auto dot = literal.find('.');
    if (dot == std::string_view::npos || dot < 2 || dot + 1 == literal.size()) {
      return false;
    }
    for (std::size_t i = 1; i < dot; ++i) {
      if (!is_hex_digit(literal[i])) {
        return false;
      }
    }
    for (const char c : literal.substr(dot + 1)) {
      if (!is_name_character(c) && c != ':') {
        return false;
      }
    }
    return true;
  }
  for (const char c : literal) {
    if (!is_hex_digit(c) && c != ':' && c != '.') {
      return false;
    }
  }
  return true;
}

bool is_port(std::string_view port) {
  for (const char c : port) {
    if (c < '0' || c > '9') {
      return false;
    }
  }
  return true;
}

}  // namespace

bool is_valid_host_field(std::string_view value) {
  value = core::trim(value, core::kHttpSpace);
  std::string_view host = value;
  std::string_view port;
  if (!value.empty() && value.front() == '[') {
    const auto close = value.find(']');
    if (close == std::string_view::npos || !is_ip_literal(value.substr(1, close - 1))) {
      return false;
    }
    const std::string_view rest = value.substr(close + 1);
    if (rest.empty()) {
      return true;
    }
    return rest.front() == ':' && is_port(rest.substr(1));
  }
  if (const auto colon = value.find(':'); colon != std::string_view::npos) {
    host = value.substr(0, colon);
    port = value.substr(colon + 1);
    if (!is_port(port)) {
      return false;
    }
  }
  return is_registered_name(host);
}

}  // namespace oofgate::gateway
