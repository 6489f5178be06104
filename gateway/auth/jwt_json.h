#pragma once

#include <string_view>

#include <rapidjson/document.h>

namespace oofgate::gateway {

// Parses `text` as one JSON object whose members all have distinct names (RFC 7515 §4 and RFC
// 7519 §4: a JOSE header or claims set with a duplicate name must be rejected, so two readers
// cannot see different values). Iterative, so nesting cannot exhaust the stack; invalid UTF-8 is
// refused. False for anything else.
bool parse_unique_object(std::string_view text, rapidjson::Document& out);

// The member's string value, or an empty view when it is absent or not a string.
std::string_view string_member(const rapidjson::Value& object, const char* name);

}  // namespace oofgate::gateway
