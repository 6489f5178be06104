#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace oofgate::facade {

// Appends `value` (valid UTF-8) as a JSON string literal, quotes included. Text that needs no
// escaping (ids, URLs, most log fields) is copied in one piece; only '"', '\\' and control
// characters are escaped. Written by hand for the hot paths that build JSON by concatenation
// (Graph bodies joined from cached parts, access-log lines); documents go through RapidJSON.
void append_json_string(std::string& out, std::string_view value);

// The most bytes write_json_string writes for a value of `size` bytes (every byte a \u00XX).
constexpr std::size_t json_string_bound(std::size_t size) { return 6 * size + 2; }

// The same literal written at `out`, which has room for json_string_bound(value.size()) bytes;
// returns the end of what was written. For a line built in a buffer sized once (the access log).
char* write_json_string(char* out, std::string_view value);

// write_json_string for text that may not be UTF-8 (a log field a client chose): checks the
// encoding in the same pass, eight plain ASCII bytes at a time; nullptr when `value` is not
// well-formed UTF-8, and then what was written at `out` is to be discarded.
char* write_json_string_if_utf8(char* out, std::string_view value);

// Copies `value` to `out` when it is plain ASCII with nothing to escape, checking and copying
// eight bytes at a time in one pass; returns the end of the copy, or nullptr (and what was
// written at `out` is to be discarded) when `value` needs write_json_string_if_utf8. `out` has
// room for value.size() + kPlainCopySlack bytes: whole words are stored past the end.
constexpr std::size_t kPlainCopySlack = 8;
char* copy_if_plain(char* out, std::string_view value);

}  // namespace oofgate::facade
