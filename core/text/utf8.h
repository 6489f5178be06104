#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace oofgate::core {

// UTF-8 checks shared by every wire layer: whatever oofgate stores or writes must be well-formed
// UTF-8, and bytes a client sent are only ever echoed through printable_excerpt().

// Well-formed per RFC 3629: shortest form, no surrogates (U+D800..U+DFFF), nothing past U+10FFFF.
bool is_valid_utf8(std::string_view text);

// A safe rendering of untrusted bytes for an error message or a log line: well-formed printable
// UTF-8 is kept, control characters and ill-formed bytes become \xNN, and the result is cut at
// about `max_bytes` (with "..." appended) so one request cannot make a long answer.
std::string printable_excerpt(std::string_view text, std::size_t max_bytes = 64);

}  // namespace oofgate::core
