#pragma once

#include <string_view>

namespace oofgate::gateway {

// Whether `value` is a valid Host field value (RFC 9112 §3.2, RFC 3986 §3.2.2-3.2.3): empty, or
// uri-host [ ":" port ], uri-host being a registered name (unreserved, percent-encoded and
// sub-delims characters), a dotted IPv4 address (a registered name too) or an IP literal in
// brackets. Optional whitespace around it is allowed. A server must answer 400 to anything else.
bool is_valid_host_field(std::string_view value);

}  // namespace oofgate::gateway
