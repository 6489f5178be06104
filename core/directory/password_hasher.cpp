#include "core/directory/password_hasher.h"

#include <charconv>
#include <optional>
#include <vector>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace oofgate::core {
namespace {

constexpr int kSaltBytes = 16;
constexpr int kHashBytes = 32;

std::string base64(const unsigned char* data, int size) {
  std::string out(static_cast<std::size_t>(4 * ((size + 2) / 3)), '\0');
  const int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), data, size);
  out.resize(static_cast<std::size_t>(written));
  return out;
}

bool unbase64(std::string_view text, std::vector<unsigned char>& out) {
  if (text.empty() || text.size() % 4 != 0) {
    return false;
  }
  out.assign(3 * text.size() / 4, 0);
  const int written =
      EVP_DecodeBlock(out.data(), reinterpret_cast<const unsigned char*>(text.data()), static_cast<int>(text.size()));
  if (written < 0) {
    return false;
  }
  std::size_t padding = 0;
  for (auto it = text.rbegin(); it != text.rend() && *it == '='; ++it) {
    ++padding;
  }
  out.resize(static_cast<std::size_t>(written) - padding);
  return true;
}

bool derive(std::string_view password, const std::vector<unsigned char>& salt, int iterations, unsigned char* out,
            int out_size) {
  return PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()), salt.data(),
                           static_cast<int>(salt.size()), iterations, EVP_sha256(), out_size, out) == 1;
}

}  // namespace

std::string PasswordHasher::hash(std::string_view password, int iterations) {
  if (!is_acceptable_password(password)) {
    return {};
  }
  std::vector<unsigned char> salt(kSaltBytes);
  RAND_bytes(salt.data(), kSaltBytes);
  unsigned char digest[kHashBytes];
  derive(password, salt, iterations, digest, kHashBytes);
  return std::string(kPrefix) + std::to_string(iterations) + "$" + base64(salt.data(), kSaltBytes) + "$" +
         base64(digest, kHashBytes);
}

namespace {

// The three fields of a stored hash, still encoded.
struct StoredHashFields {
  int iterations = 0;
  std::string_view salt;
  std::string_view hash;
};

std::optional<StoredHashFields> split_stored_hash(std::string_view stored_hash) {
  if (!PasswordHasher::is_hash(stored_hash)) {
    return std::nullopt;
  }
  std::string_view rest = stored_hash.substr(PasswordHasher::kPrefix.size());
  const auto first = rest.find('$');
  const auto second = rest.find('$', first == std::string_view::npos ? first : first + 1);
  if (first == std::string_view::npos || second == std::string_view::npos) {
    return std::nullopt;
  }
  StoredHashFields fields;
  const auto iter_text = rest.substr(0, first);
  if (std::from_chars(iter_text.data(), iter_text.data() + iter_text.size(), fields.iterations).ec != std::errc{} ||
      fields.iterations < 1 || fields.iterations > 10'000'000) {
    return std::nullopt;
  }
  fields.salt = rest.substr(first + 1, second - first - 1);
  fields.hash = rest.substr(second + 1);
  return fields;
}

}  // namespace

std::optional<int> PasswordHasher::iterations(std::string_view stored_hash) {
  const auto fields = split_stored_hash(stored_hash);
  return fields ? std::optional<int>(fields->iterations) : std::nullopt;
}

bool PasswordHasher::verify(std::string_view password, std::string_view stored_hash) {
  const auto fields = split_stored_hash(stored_hash);
  if (!fields) {
    return false;
  }
  std::vector<unsigned char> salt;
  std::vector<unsigned char> expected;
  if (!unbase64(fields->salt, salt) || !unbase64(fields->hash, expected) || expected.empty()) {
    return false;
  }
  std::vector<unsigned char> actual(expected.size());
  if (!derive(password, salt, fields->iterations, actual.data(), static_cast<int>(actual.size()))) {
    return false;
  }
  // Checked after deriving, so a refused password costs what a wrong one does.
  return CRYPTO_memcmp(actual.data(), expected.data(), expected.size()) == 0 && is_acceptable_password(password);
}

}  // namespace oofgate::core
