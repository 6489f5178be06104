#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace oofgate::core {

// UTF-8 checks shared by every wire layer: whatever oofgate stores or writes must be well-formed
// UTF-8, and bytes a client sent are only ever echoed through printable_excerpt().

// Well-formed per RFC 3629: shortest form, no surrogates (U+D800..U+DFFF), nothing past U+10FFFF.
bool is_valid_utf8(std::string_view text);

// The length (1 to 4) of the well-formed sequence that starts at byte `at` of `text`, or 0 when
// the bytes there are ill-formed: for a scan that checks UTF-8 while it does something else.
std::size_t utf8_sequence_length(std::string_view text, std::size_t at);

// A safe rendering of untrusted bytes for an error message or a log line: well-formed printable
// UTF-8 is kept, control characters and ill-formed bytes become \xNN, and the result is cut at
// about `max_bytes` (with "..." appended) so one request cannot make a long answer.
std::string printable_excerpt(std::string_view text, std::size_t max_bytes = 64);

}  // namespace oofgate::core
