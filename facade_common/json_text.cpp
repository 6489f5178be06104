#include "facade_common/json_text.h"

#include <algorithm>
#include <array>

namespace oofgate::facade {
namespace {

// One table read per byte instead of three comparisons: the loop below runs over every byte of
// every access-log field and every cached Graph string.
constexpr std::array<bool, 256> kNeedsEscape = [] {
  std::array<bool, 256> table{};
  for (int byte = 0; byte < 0x20; ++byte) {
    table[byte] = true;
  }
  table['"'] = true;
  table['\\'] = true;
  return table;
}();

bool needs_escape(char c) { return kNeedsEscape[static_cast<unsigned char>(c)]; }

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
