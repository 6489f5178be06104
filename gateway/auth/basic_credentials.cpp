#include "gateway/auth/basic_credentials.h"

#include <algorithm>
#include <cstdint>

#include <openssl/crypto.h>

namespace oofgate::gateway {
namespace {

int base64_value(char c) {
  if (c >= 'A' && c <= 'Z') {
    return c - 'A';
  }
  if (c >= 'a' && c <= 'z') {
    return c - 'a' + 26;
  }
  if (c >= '0' && c <= '9') {
    return c - '0' + 52;
  }
  if (c == '+') {
    return 62;
  }
  if (c == '/') {
    return 63;
  }
  return -1;
}

// RFC 4648 §4 with padding, nothing else: the decoded bytes, or nullopt.
std::optional<std::string> decode_canonical_base64(std::string_view text) {
  if (text.empty() || text.size() % 4 != 0) {
    return std::nullopt;
  }
  std::size_t padding = 0;
  while (padding < 2 && text[text.size() - 1 - padding] == '=') {
    ++padding;
  }
  const std::string_view data = text.substr(0, text.size() - padding);
  std::string out;
  out.reserve(data.size() * 3 / 4);
  std::uint32_t buffer = 0;
  int bits = 0;
  for (char c : data) {
    const int value = base64_value(c);
    if (value < 0) {
      return std::nullopt;  // also a third '=' or one before the end
    }
    buffer = (buffer << 6) | static_cast<std::uint32_t>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xFFU));
    }
  }
  // Canonical: the bits left over after the last byte are zero.
  if ((buffer & ((1U << bits) - 1U)) != 0) {
    OPENSSL_cleanse(out.data(), out.size());
    return std::nullopt;
  }
  return out;
}

bool has_control_character(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 || byte == 0x7F;
  });
}

}  // namespace

BasicCredentials::~BasicCredentials() { OPENSSL_cleanse(password.data(), password.size()); }

std::optional<BasicCredentials> parse_basic_token(std::string_view token) {
  if (token.size() > kMaxBasicTokenBytes) {
    return std::nullopt;
  }
  auto decoded = decode_canonical_base64(token);
  if (!decoded) {
    return std::nullopt;
  }
  std::optional<BasicCredentials> credentials;
  const auto colon = decoded->find(':');
  const std::string_view text(*decoded);
  if (colon != std::string::npos && !has_control_character(text)) {
    credentials.emplace();
    credentials->user_name = std::string(text.substr(0, colon));
    credentials->password = std::string(text.substr(colon + 1));
  }
  // The analyzer takes the assignments above for a reallocation of `decoded`; they copy out of it.
  OPENSSL_cleanse(decoded->data(), decoded->size());  // NOLINT(clang-analyzer-cplusplus.InnerPointer)
  return credentials;
}

}  // namespace oofgate::gateway
