#include "gateway/auth/jwt_signature.h"

#include <array>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/param_build.h>

namespace oofgate::gateway {
namespace {

constexpr std::size_t kP256CoordinateBytes = 32;

core::Error key_error(const std::string& message) { return core::Error{core::ErrorCode::kInvalidArgument, message}; }

template <typename T, void (*Release)(T*)>
struct Releaser {
  void operator()(T* p) const { Release(p); }
};
using ParamBuilder = std::unique_ptr<OSSL_PARAM_BLD, Releaser<OSSL_PARAM_BLD, OSSL_PARAM_BLD_free>>;
using Params = std::unique_ptr<OSSL_PARAM, Releaser<OSSL_PARAM, OSSL_PARAM_free>>;
using KeyContext = std::unique_ptr<EVP_PKEY_CTX, Releaser<EVP_PKEY_CTX, EVP_PKEY_CTX_free>>;
using DigestContext = std::unique_ptr<EVP_MD_CTX, Releaser<EVP_MD_CTX, EVP_MD_CTX_free>>;
using BigNumber = std::unique_ptr<BIGNUM, Releaser<BIGNUM, BN_free>>;
using EcdsaSignature = std::unique_ptr<ECDSA_SIG, Releaser<ECDSA_SIG, ECDSA_SIG_free>>;

const unsigned char* bytes(std::string_view text) { return reinterpret_cast<const unsigned char*>(text.data()); }

BigNumber big_number(std::string_view big_endian) {
  return BigNumber(BN_bin2bn(bytes(big_endian), static_cast<int>(big_endian.size()), nullptr));
}

// Builds a public key of `type` ("RSA", "EC") from parameters and checks it the way OpenSSL
// checks a peer's key; nullptr when either step fails.
EVP_PKEY* public_key_from(const char* type, OSSL_PARAM_BLD* builder) {
  const Params params(OSSL_PARAM_BLD_to_param(builder));
  const KeyContext context(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
  EVP_PKEY* key = nullptr;
  if (!params || !context || EVP_PKEY_fromdata_init(context.get()) != 1 ||
      EVP_PKEY_fromdata(context.get(), &key, EVP_PKEY_PUBLIC_KEY, params.get()) != 1) {
    return nullptr;
  }
  const KeyContext check(EVP_PKEY_CTX_new_from_pkey(nullptr, key, nullptr));
  if (!check || EVP_PKEY_public_check(check.get()) != 1) {
    EVP_PKEY_free(key);
    return nullptr;
  }
  return key;
}

bool digest_verify(EVP_PKEY* key, std::string_view signing_input, const unsigned char* signature,
                   std::size_t signature_size) {
  const DigestContext context(EVP_MD_CTX_new());
  return context && EVP_DigestVerifyInit(context.get(), nullptr, EVP_sha256(), nullptr, key) == 1 &&
         EVP_DigestVerify(context.get(), signature, signature_size, bytes(signing_input), signing_input.size()) == 1;
}

// OpenSSL verifies ECDSA in DER; JWS carries the fixed-width r || s (RFC 7518 §3.4).
bool verify_es256(EVP_PKEY* key, std::string_view signing_input, std::string_view signature) {
  if (signature.size() != 2 * kP256CoordinateBytes) {
    return false;
  }
  EcdsaSignature ecdsa(ECDSA_SIG_new());
  BigNumber r = big_number(signature.substr(0, kP256CoordinateBytes));
  BigNumber s = big_number(signature.substr(kP256CoordinateBytes));
  if (!ecdsa || !r || !s || ECDSA_SIG_set0(ecdsa.get(), r.get(), s.get()) != 1) {
    return false;
  }
  static_cast<void>(r.release());  // owned by `ecdsa` now
  static_cast<void>(s.release());
  unsigned char* der = nullptr;
  const int der_size = i2d_ECDSA_SIG(ecdsa.get(), &der);
  if (der_size <= 0) {
    return false;
  }
  const bool verified = digest_verify(key, signing_input, der, static_cast<std::size_t>(der_size));
  OPENSSL_free(der);
  return verified;
}

}  // namespace

std::optional<JwsAlgorithm> parse_jws_algorithm(std::string_view name) {
  if (name == "RS256") {
    return JwsAlgorithm::kRs256;
  }
  if (name == "ES256") {
    return JwsAlgorithm::kEs256;
  }
  if (name == "HS256") {
    return JwsAlgorithm::kHs256;
  }
  return std::nullopt;
}

std::string_view jws_algorithm_name(JwsAlgorithm algorithm) {
  switch (algorithm) {
    case JwsAlgorithm::kRs256:
      return "RS256";
    case JwsAlgorithm::kEs256:
      return "ES256";
    case JwsAlgorithm::kHs256:
      return "HS256";
  }
  return "?";
}

void JwtPublicKey::Free::operator()(evp_pkey_st* key) const { EVP_PKEY_free(key); }

core::Result<JwtPublicKey> JwtPublicKey::rsa(std::string_view modulus, std::string_view exponent) {
  // Leading zero bytes would let one modulus have many spellings; RFC 7518 §6.3.1.1 forbids them.
  if (modulus.empty() || modulus.front() == '\0' || exponent.empty() || exponent.front() == '\0' ||
      exponent.size() > 8) {
    return key_error("RSA key: n or e is empty, has leading zeros, or e is too long");
  }
  const int bits = static_cast<int>(modulus.size() * 8);
  if (bits < kMinRsaBits || bits > kMaxRsaBits) {
    return key_error("RSA key: modulus of " + std::to_string(bits) + " bits (2048 to 8192 accepted)");
  }
  const BigNumber n = big_number(modulus);
  const BigNumber e = big_number(exponent);
  const ParamBuilder builder(OSSL_PARAM_BLD_new());
  if (!n || !e || !builder || OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_N, n.get()) != 1 ||
      OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_E, e.get()) != 1) {
    return key_error("RSA key: out of memory");
  }
  EVP_PKEY* key = public_key_from("RSA", builder.get());
  if (key == nullptr) {
    return key_error("RSA key: not a valid public key");
  }
  return JwtPublicKey(JwsAlgorithm::kRs256, key);
}

core::Result<JwtPublicKey> JwtPublicKey::ec_p256(std::string_view x, std::string_view y) {
  if (x.size() != kP256CoordinateBytes || y.size() != kP256CoordinateBytes) {
    return key_error("EC key: P-256 coordinates must be 32 bytes each");
  }
  // The uncompressed point encoding of SEC 1 §2.3.3: 0x04 || x || y.
  std::string point;
  point.reserve(1 + 2 * kP256CoordinateBytes);
  point.push_back('\x04');
  point.append(x);
  point.append(y);
  const ParamBuilder builder(OSSL_PARAM_BLD_new());
  if (!builder || OSSL_PARAM_BLD_push_utf8_string(builder.get(), OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1", 0) != 1 ||
      OSSL_PARAM_BLD_push_octet_string(builder.get(), OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size()) != 1) {
    return key_error("EC key: out of memory");
  }
  EVP_PKEY* key = public_key_from("EC", builder.get());
  if (key == nullptr) {
    return key_error("EC key: not a point on P-256");
  }
  return JwtPublicKey(JwsAlgorithm::kEs256, key);
}

bool JwtPublicKey::verify(std::string_view signing_input, std::string_view signature) const {
  if (algorithm_ == JwsAlgorithm::kEs256) {
    return verify_es256(key_.get(), signing_input, signature);
  }
  if (signature.size() != static_cast<std::size_t>(EVP_PKEY_get_size(key_.get()))) {
    return false;
  }
  return digest_verify(key_.get(), signing_input, bytes(signature), signature.size());
}

std::string sign_hs256(std::string_view secret, std::string_view signing_input) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
  unsigned int mac_size = 0;
  if (HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()), bytes(signing_input), signing_input.size(),
           mac.data(), &mac_size) == nullptr) {
    return {};
  }
  return std::string(reinterpret_cast<const char*>(mac.data()), mac_size);
}

bool verify_hs256(std::string_view secret, std::string_view signing_input, std::string_view signature) {
  const std::string expected = sign_hs256(secret, signing_input);
  return !expected.empty() && expected.size() == signature.size() &&
         CRYPTO_memcmp(expected.data(), signature.data(), signature.size()) == 0;
}

}  // namespace oofgate::gateway
