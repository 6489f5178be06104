// JWKS documents: which keys are kept, and the bounds that make loading one cheap whatever it holds.
#include <gtest/gtest.h>

#include "gateway/auth/jwt_base64url.h"
#include "gateway/config/jwks_file.h"
#include "jwt_test_keys.h"

namespace oofgate::gateway {
namespace {

using testing::ec_key;
using testing::rsa_key;
using testing::TestSigningKey;

void expect_refused(const std::string& json, std::string_view message_part) {
  const auto set = parse_jwks(json);
  ASSERT_FALSE(set.ok());
  EXPECT_NE(set.error().message.find(message_part), std::string::npos) << set.error().message;
}

TEST(JwksFileTest, KeepsSigningKeysByKidAndSkipsOthers) {
  const std::string encryption = R"({"kid":"enc","use":"enc","kty":"RSA","alg":"RSA-OAEP","n":"AQAB","e":"AQAB"})";
  const std::string other_curve = R"({"kid":"p384","kty":"EC","crv":"P-384","x":"AA","y":"AA"})";
  const std::string symmetric = R"({"kid":"oct","kty":"oct","k":"c2VjcmV0"})";
  const auto set =
      parse_jwks(testing::jwks_of({rsa_key().jwk("r"), encryption, ec_key().jwk("e"), other_curve, symmetric}));
  ASSERT_TRUE(set.ok()) << set.error().message;
  EXPECT_EQ(set.value().size(), 2U);
  ASSERT_NE(set.value().find("r"), nullptr);
  EXPECT_EQ(set.value().find("r")->algorithm(), JwsAlgorithm::kRs256);
  ASSERT_NE(set.value().find("e"), nullptr);
  EXPECT_EQ(set.value().find("e")->algorithm(), JwsAlgorithm::kEs256);
  EXPECT_EQ(set.value().find("enc"), nullptr);
}

TEST(JwksFileTest, TenThousandKeysAreRefusedBeforeAnyIsBuilt) {
  // Small entries, so the document stays under the byte bound and the key count is what refuses it.
  std::vector<std::string> keys(10000, R"({"kid":"k","kty":"EC","crv":"P-256","x":"AA","y":"AA"})");
  expect_refused(testing::jwks_of(keys), "10000 keys, at most 100");
}

TEST(JwksFileTest, OversizedDocumentIsRefused) {
  expect_refused(R"({"keys":[],"pad":")" + std::string(kMaxJwksBytes, 'x') + "\"}", "document over");
}

TEST(JwksFileTest, BrokenDocumentsAreRefusedNamingTheKey) {
  expect_refused("[]", "not a JSON object");
  expect_refused(R"({"keys":{}})", "no \"keys\" array");
  expect_refused(R"({"keys":[1]})", "key 0 is not an object");
  expect_refused(testing::jwks_of({rsa_key().jwk("a"), rsa_key().jwk("a")}), "key 1 (kid a) repeats");
  expect_refused(testing::jwks_of({R"({"kty":"RSA","n":"AQAB","e":"AQAB"})"}), "no \"kid\"");
  expect_refused(testing::jwks_of({R"({"kid":"small","kty":"RSA","n":"AQAB","e":"AQAB"})"}), "modulus of 24 bits");
  const std::string off_curve = R"({"kid":"bad","kty":"EC","crv":"P-256","x":")" +
                                encode_base64url(std::string(32, '\x01')) + R"(","y":")" +
                                encode_base64url(std::string(32, '\x02')) + "\"}";
  expect_refused(testing::jwks_of({off_curve}), "kid bad): EC key: not a point on P-256");
  expect_refused(testing::jwks_of({R"({"kid":"b64","kty":"EC","crv":"P-256","x":"A+","y":"AA"})"}), "base64url");
}

TEST(JwksFileTest, MissingFileIsAnError) {
  const auto set = load_jwks_file("/nonexistent/jwks.json");
  ASSERT_FALSE(set.ok());
  EXPECT_EQ(set.error().message, "JWKS: cannot open /nonexistent/jwks.json");
}

TEST(Base64UrlTest, DecodesOnlyCanonicalUnpaddedText) {
  EXPECT_EQ(decode_base64url("aGk"), "hi");
  EXPECT_EQ(encode_base64url("hi"), "aGk");
  EXPECT_EQ(encode_base64url("\xfb\xff"), "-_8");
  EXPECT_EQ(decode_base64url("-_8"), "\xfb\xff");
  EXPECT_FALSE(decode_base64url("aGk=").has_value());
  EXPECT_FALSE(decode_base64url("aGl").has_value()) << "non-zero spare bits";
  EXPECT_FALSE(decode_base64url("a").has_value());
  EXPECT_FALSE(decode_base64url("a+b/").has_value());
  EXPECT_EQ(decode_base64url(""), "");
}

}  // namespace
}  // namespace oofgate::gateway
