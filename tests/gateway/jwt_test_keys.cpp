#include "jwt_test_keys.h"

#include <stdexcept>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include "gateway/auth/jwt_base64url.h"

namespace oofgate::testing {
namespace {

std::string big_endian(const EVP_PKEY* key, const char* name, int width = 0) {
  BIGNUM* value = nullptr;
  if (EVP_PKEY_get_bn_param(key, name, &value) != 1) {
    throw std::runtime_error(std::string("no key parameter ") + name);
  }
  std::string bytes(static_cast<std::size_t>(width > 0 ? width : BN_num_bytes(value)), '\0');
  BN_bn2binpad(value, reinterpret_cast<unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
  BN_free(value);
  return bytes;
}

std::string der_signature(EVP_PKEY* key, std::string_view input) {
  EVP_MD_CTX* context = EVP_MD_CTX_new();
  std::size_t size = 0;
  std::string signature;
  if (EVP_DigestSignInit(context, nullptr, EVP_sha256(), nullptr, key) == 1 &&
      EVP_DigestSign(context, nullptr, &size, reinterpret_cast<const unsigned char*>(input.data()), input.size()) ==
          1) {
    signature.resize(size);
    EVP_DigestSign(context, reinterpret_cast<unsigned char*>(signature.data()), &size,
                   reinterpret_cast<const unsigned char*>(input.data()), input.size());
    signature.resize(size);
  }
  EVP_MD_CTX_free(context);
  return signature;
}

}  // namespace

TestSigningKey::TestSigningKey(evp_pkey_st* key) : key_(key, EVP_PKEY_free) {}

TestSigningKey TestSigningKey::rsa_2048() { return TestSigningKey(EVP_RSA_gen(2048)); }
TestSigningKey TestSigningKey::ec_p256() { return TestSigningKey(EVP_EC_gen("P-256")); }

std::string TestSigningKey::jwk(std::string_view kid) const {
  const std::string head = R"({"kid":")" + std::string(kid) + R"(","use":"sig",)";
  if (EVP_PKEY_is_a(key_.get(), "RSA") == 1) {
    return head + R"("kty":"RSA","alg":"RS256","n":")" +
           gateway::encode_base64url(big_endian(key_.get(), OSSL_PKEY_PARAM_RSA_N)) + R"(","e":")" +
           gateway::encode_base64url(big_endian(key_.get(), OSSL_PKEY_PARAM_RSA_E)) + R"("})";
  }
  return head + R"("kty":"EC","crv":"P-256","x":")" +
         gateway::encode_base64url(big_endian(key_.get(), OSSL_PKEY_PARAM_EC_PUB_X, 32)) + R"(","y":")" +
         gateway::encode_base64url(big_endian(key_.get(), OSSL_PKEY_PARAM_EC_PUB_Y, 32)) + R"("})";
}

std::string TestSigningKey::sign(std::string_view signing_input) const {
  const std::string der = der_signature(key_.get(), signing_input);
  if (EVP_PKEY_is_a(key_.get(), "RSA") == 1) {
    return der;  // PKCS #1 v1.5 signatures are already the raw modulus-sized bytes
  }
  const auto* cursor = reinterpret_cast<const unsigned char*>(der.data());
  ECDSA_SIG* ecdsa = d2i_ECDSA_SIG(nullptr, &cursor, static_cast<long>(der.size()));
  std::string jose(64, '\0');
  BN_bn2binpad(ECDSA_SIG_get0_r(ecdsa), reinterpret_cast<unsigned char*>(jose.data()), 32);
  BN_bn2binpad(ECDSA_SIG_get0_s(ecdsa), reinterpret_cast<unsigned char*>(jose.data() + 32), 32);
  ECDSA_SIG_free(ecdsa);
  return jose;
}

std::string TestSigningKey::sign_der(std::string_view signing_input) const {
  return der_signature(key_.get(), signing_input);
}

std::string TestSigningKey::public_pem() const {
  BIO* bio = BIO_new(BIO_s_mem());
  PEM_write_bio_PUBKEY(bio, key_.get());
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio, &data);
  std::string pem(data, static_cast<std::size_t>(size));
  BIO_free(bio);
  return pem;
}

const TestSigningKey& rsa_key() {
  static const TestSigningKey key = TestSigningKey::rsa_2048();
  return key;
}

const TestSigningKey& ec_key() {
  static const TestSigningKey key = TestSigningKey::ec_p256();
  return key;
}

std::string jwks_of(const std::vector<std::string>& jwks) {
  std::string out = R"({"keys":[)";
  for (std::size_t i = 0; i < jwks.size(); ++i) {
    out += (i == 0 ? "" : ",") + jwks[i];
  }
  return out + "]}";
}

std::string signing_input(std::string_view header_json, std::string_view payload_json) {
  return gateway::encode_base64url(header_json) + "." + gateway::encode_base64url(payload_json);
}

}  // namespace oofgate::testing
