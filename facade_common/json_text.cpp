#include "facade_common/json_text.h"

#include <algorithm>

namespace oofgate::facade {
namespace {

bool needs_escape(char c) { return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20; }

void append_escaped(std::string& out, char c) {
  switch (c) {
    case '"':
      out += "\\\"";
      return;
    case '\\':
      out += "\\\\";
      return;
    case '\b':
      out += "\\b";
      return;
    case '\f':
      out += "\\f";
      return;
    case '\n':
      out += "\\n";
      return;
    case '\r':
      out += "\\r";
      return;
    case '\t':
      out += "\\t";
      return;
    default: {
      constexpr std::string_view kHex = "0123456789ABCDEF";
      const auto byte = static_cast<unsigned char>(c);
      out += "\\u00";
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
    }
  }
}

}  // namespace

void append_json_string(std::string& out, std::string_view value) {
  out += '"';
  auto plain_start = value.begin();
  for (;;) {
    const auto special = std::find_if(plain_start, value.end(), needs_escape);
    out.append(plain_start, special);
    if (special == value.end()) {
      break;
    }
    append_escaped(out, *special);
    plain_start = special + 1;
  }
  out += '"';
}

}  // namespace oofgate::facade
