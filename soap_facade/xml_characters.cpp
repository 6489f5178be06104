#include "soap_facade/xml_characters.h"

#include <array>
#include <cstdint>
#include <string>

#include "core/text/ascii.h"
#include "core/text/utf8.h"

namespace oofgate::soap {
namespace {

// XML 1.0 §2.2: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
bool is_xml_char(std::uint32_t code_point) {
  return code_point == 0x9 || code_point == 0xA || code_point == 0xD || (code_point >= 0x20 && code_point <= 0xD7FF) ||
         (code_point >= 0xE000 && code_point <= 0xFFFD) || (code_point >= 0x10000 && code_point <= 0x10FFFF);
}

// The bytes the loop below must look at: controls, the lead byte of U+FFFE/U+FFFF, and '&'.
constexpr std::array<bool, 256> kNeedsALook = [] {
  std::array<bool, 256> table{};
  for (unsigned byte = 0; byte < 0x20; ++byte) {
    table[byte] = true;
  }
  table[0xEF] = true;
  table['&'] = true;
  return table;
}();

Fault refused_character(std::string_view what, std::size_t offset) {
  return client_fault(ExceptionType::kInvalidRequest, "The request contains " + std::string(what) +
                                                          " that XML does not allow, at byte offset " +
                                                          std::to_string(offset) + ".");
}

std::optional<int> digit_value(char c, bool hex) {
  if (hex) {
    return core::hex_digit_value(c);
  }
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  return std::nullopt;
}

// The code point of the character reference starting at bytes[at] == '&' (`&#N;` or `&#xH;`),
// saturated past U+10FFFF; nullopt if the text there is no complete reference (pugixml then keeps
// it as literal text).
std::optional<std::uint32_t> character_reference(std::string_view bytes, std::size_t at) {
  std::size_t next = at + 2;
  const bool hex = next < bytes.size() && bytes[next] == 'x';
  if (hex) {
    ++next;
  }
  const std::uint32_t base = hex ? 16U : 10U;
  std::uint32_t value = 0;
  std::size_t digits = 0;
  for (; next < bytes.size(); ++next) {
    if (bytes[next] == ';') {
      return digits > 0 ? std::optional<std::uint32_t>(value) : std::nullopt;
    }
    const auto digit = digit_value(bytes[next], hex);
    if (!digit) {
      return std::nullopt;
    }
    ++digits;
    // Saturating keeps the arithmetic in range however many digits a client sends.
    value = value > 0x10FFFF ? value : value * base + static_cast<std::uint32_t>(*digit);
  }
  return std::nullopt;
}

}  // namespace

std::optional<Fault> check_xml_characters(std::string_view bytes) {
  if (!core::is_valid_utf8(bytes)) {
    return client_fault(ExceptionType::kInvalidRequest, "The request is not valid UTF-8.");
  }
  for (std::size_t at = 0; at < bytes.size(); ++at) {
    const auto byte = static_cast<unsigned char>(bytes[at]);
    if (!kNeedsALook[byte]) {
      continue;  // almost every byte: one table read instead of three comparisons
    }
    if (byte < 0x20 && !is_xml_char(byte)) {
      return refused_character("a control character", at);
    }
    // U+FFFE and U+FFFF; the input is well-formed UTF-8, so EF BF BE/BF can only be those.
    if (byte == 0xEF && at + 2 < bytes.size() && static_cast<unsigned char>(bytes[at + 1]) == 0xBF &&
        (static_cast<unsigned char>(bytes[at + 2]) & 0xFEU) == 0xBE) {
      return refused_character("a noncharacter", at);
    }
    if (byte == '&' && at + 1 < bytes.size() && bytes[at + 1] == '#') {
      const auto code_point = character_reference(bytes, at);
      if (code_point && !is_xml_char(*code_point)) {
        return refused_character("a character reference to a character", at);
      }
    }
  }
  return std::nullopt;
}

}  // namespace oofgate::soap
