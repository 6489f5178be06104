#include "facade_common/json_text.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#include "core/text/utf8.h"

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

// Writes the escape sequence of `c` (one for which needs_escape is true); returns its end.
char* write_escaped(char* out, char c) {
  const auto pair = [out](char second) {
    out[0] = '\\';
    out[1] = second;
    return out + 2;
  };
  switch (c) {
    case '"':
      return pair('"');
    case '\\':
      return pair('\\');
    case '\b':
      return pair('b');
    case '\f':
      return pair('f');
    case '\n':
      return pair('n');
    case '\r':
      return pair('r');
    case '\t':
      return pair('t');
    default: {
      constexpr std::string_view kHex = "0123456789ABCDEF";
      const auto byte = static_cast<unsigned char>(c);
      const std::string_view prefix = "\\u00";
      out = std::copy(prefix.begin(), prefix.end(), out);
      *out++ = kHex[byte >> 4];
      *out++ = kHex[byte & 0xF];
      return out;
    }
  }
}

// Calls `plain(first, last)` for each run that needs no escaping and `special(c)` for each
// byte between them, in order: the one scan behind both ways of writing a literal.
template <typename Plain, typename Special>
void split_for_escaping(std::string_view value, Plain&& plain, Special&& special) {
  auto plain_start = value.begin();
  for (;;) {
    const auto next = std::find_if(plain_start, value.end(), needs_escape);
    plain(plain_start, next);
    if (next == value.end()) {
      return;
    }
    special(*next);
    plain_start = next + 1;
  }
}

}  // namespace

void append_json_string(std::string& out, std::string_view value) {
  out += '"';
  split_for_escaping(
      value, [&out](auto first, auto last) { out.append(first, last); },
      [&out](char c) {
        char escaped[6];
        out.append(escaped, write_escaped(escaped, c));
      });
  out += '"';
}

char* write_json_string(char* out, std::string_view value) {
  *out++ = '"';
  split_for_escaping(
      value, [&out](auto first, auto last) { out = std::copy(first, last, out); },
      [&out](char c) { out = write_escaped(out, c); });
  *out++ = '"';
  return out;
}

char* write_json_string_if_utf8(char* out, std::string_view value) {
  *out++ = '"';
  // Most log fields are plain (ids, addresses, operation names). The room for
  // json_string_bound(size) covers copy_if_plain's slack from two bytes on.
  if (value.size() >= 2) {
    if (char* end = copy_if_plain(out, value)) {
      *end++ = '"';
      return end;
    }
  }
  const char* const text = value.data();
  for (std::size_t at = 0; at < value.size();) {
    std::uint64_t word = 0;
    if (value.size() - at >= sizeof word) {
      std::memcpy(&word, text + at, sizeof word);
      if (!detail::has_special_byte(word)) {
        std::memcpy(out, text + at, sizeof word);
        out += sizeof word;
        at += sizeof word;
        continue;
      }
    }
    const auto byte = static_cast<unsigned char>(text[at]);
    if (byte < 0x80) {
      if (needs_escape(text[at])) {
        out = write_escaped(out, text[at]);
      } else {
        *out++ = text[at];
      }
      ++at;
      continue;
    }
    const std::size_t length = core::utf8_sequence_length(value, at);
    if (length == 0) {
      return nullptr;
    }
    out = std::copy(text + at, text + at + length, out);
    at += length;
  }
  *out++ = '"';
  return out;
}

}  // namespace oofgate::facade
