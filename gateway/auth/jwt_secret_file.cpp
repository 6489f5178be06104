#include "gateway/auth/jwt_secret_file.h"

#include <fstream>

#include "gateway/auth/jwt_verifier.h"

namespace oofgate::gateway {

core::Result<std::string> load_hs256_secret(const std::string& path) {
  constexpr std::size_t kMaxSecretBytes = 4096;
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    return core::Error{core::ErrorCode::kInvalidArgument, "cannot open the HS256 secret file " + path};
  }
  std::string secret(kMaxSecretBytes + 1, '\0');
  file.read(secret.data(), static_cast<std::streamsize>(secret.size()));
  secret.resize(static_cast<std::size_t>(file.gcount()));
  if (secret.ends_with("\r\n")) {
    secret.resize(secret.size() - 2);
  } else if (secret.ends_with('\n')) {
    secret.pop_back();
  }
  if (secret.size() < JwtVerifier::kMinSecretBytes || secret.size() > kMaxSecretBytes) {
    return core::Error{core::ErrorCode::kInvalidArgument, "the HS256 secret in " + path + " must have " +
                                                              std::to_string(JwtVerifier::kMinSecretBytes) + " to " +
                                                              std::to_string(kMaxSecretBytes) + " bytes"};
  }
  return secret;
}

}  // namespace oofgate::gateway
