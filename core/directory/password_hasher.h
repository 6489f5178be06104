#pragma once

#include <string>
#include <string_view>

namespace oofgate::core {

// Salted PBKDF2-HMAC-SHA256 in a self-describing text form:
//   pbkdf2-sha256$<iterations>$<salt, base64>$<hash, base64>
class PasswordHasher {
 public:
  static constexpr std::string_view kPrefix = "pbkdf2-sha256$";
  static constexpr int kDefaultIterations = 100'000;

  static bool is_hash(std::string_view stored) { return stored.substr(0, kPrefix.size()) == kPrefix; }
  static std::string hash(std::string_view password, int iterations = kDefaultIterations);
  // Constant-time comparison; false for malformed hashes.
  static bool verify(std::string_view password, std::string_view stored_hash);
};

}  // namespace oofgate::core
