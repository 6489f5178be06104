#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace oofgate::core {

// Salted PBKDF2-HMAC-SHA256 in a self-describing text form:
//   pbkdf2-sha256$<iterations>$<salt, base64>$<hash, base64>
//
// HMAC pads its key with zero bytes, so PBKDF2 cannot tell "pw" from "pw\0" or "pw\0\0": a
// password is therefore never allowed to contain NUL (hash() and verify() refuse it).
class PasswordHasher {
 public:
  static constexpr std::string_view kPrefix = "pbkdf2-sha256$";
  static constexpr int kDefaultIterations = 100'000;

  static bool is_hash(std::string_view stored) { return stored.substr(0, kPrefix.size()) == kPrefix; }
  // False for a password PBKDF2 would confuse with another one (it contains NUL).
  static bool is_acceptable_password(std::string_view password) {
    return password.find('\0') == std::string_view::npos;
  }
  // Callers check is_acceptable_password() first; an unacceptable password yields an empty string.
  static std::string hash(std::string_view password, int iterations = kDefaultIterations);
  // Constant-time comparison; false for malformed hashes and for unacceptable passwords.
  static bool verify(std::string_view password, std::string_view stored_hash);
  // The iteration count of a well-formed stored hash.
  static std::optional<int> iterations(std::string_view stored_hash);
};

}  // namespace oofgate::core
