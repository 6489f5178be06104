#pragma once

#include <string>
#include <string_view>

namespace oofgate::facade {

// Appends `value` (valid UTF-8) as a JSON string literal, quotes included. Text that needs no
// escaping (ids, URLs, most log fields) is copied in one piece; only '"', '\\' and control
// characters are escaped. Written by hand for the hot paths that build JSON by concatenation
// (Graph bodies joined from cached parts, access-log lines); documents go through RapidJSON.
void append_json_string(std::string& out, std::string_view value);

}  // namespace oofgate::facade
