#include "gateway/auth/jwt_base64url.h"

#include <array>
#include <cstdint>

namespace oofgate::gateway {
namespace {

constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr std::uint8_t kInvalid = 0xFF;

constexpr std::array<std::uint8_t, 256> make_reverse_table() {
  std::array<std::uint8_t, 256> table{};
  table.fill(kInvalid);
  for (std::size_t i = 0; i < kAlphabet.size(); ++i) {
    table[static_cast<unsigned char>(kAlphabet[i])] = static_cast<std::uint8_t>(i);
  }
  return table;
}

constexpr auto kReverse = make_reverse_table();

}  // namespace

std::optional<std::string> decode_base64url(std::string_view text) {
  // One character left over would carry 6 bits, less than a byte: no encoder produces that.
  if (text.size() % 4 == 1) {
    return std::nullopt;
  }
  std::string out;
  out.reserve(text.size() / 4 * 3 + 2);
  std::uint32_t accumulator = 0;
  unsigned pending_bits = 0;
  for (const char c : text) {
    const std::uint8_t sextet = kReverse[static_cast<unsigned char>(c)];
    if (sextet == kInvalid) {
      return std::nullopt;
    }
    accumulator = ((accumulator << 6) | sextet) & 0xFFFFU;
    pending_bits += 6;
    if (pending_bits >= 8) {
      pending_bits -= 8;
      out.push_back(static_cast<char>((accumulator >> pending_bits) & 0xFFU));
    }
  }
  if ((accumulator & ((1U << pending_bits) - 1U)) != 0) {
    return std::nullopt;
  }
  return out;
}

std::string encode_base64url(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() * 4 + 2) / 3);
  std::uint32_t accumulator = 0;
  unsigned pending_bits = 0;
  for (const char c : bytes) {
    accumulator = ((accumulator << 8) | static_cast<unsigned char>(c)) & 0xFFFFU;
    pending_bits += 8;
    while (pending_bits >= 6) {
      pending_bits -= 6;
      out.push_back(kAlphabet[(accumulator >> pending_bits) & 0x3FU]);
    }
  }
  if (pending_bits > 0) {
    out.push_back(kAlphabet[(accumulator << (6 - pending_bits)) & 0x3FU]);
  }
  return out;
}

}  // namespace oofgate::gateway
