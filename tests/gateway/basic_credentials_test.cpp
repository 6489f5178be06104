// Decoding the HTTP Basic token (RFC 7617 over RFC 4648 base64), strictly and within bounds.
#include <gtest/gtest.h>

#include "gateway/auth/basic_credentials.h"

namespace oofgate::gateway {
namespace {

TEST(BasicCredentials, DecodesUserAndPasswordAtTheFirstColon) {
  // "adele@contoso.com:Adele-Pa55"
  auto credentials = parse_basic_token("YWRlbGVAY29udG9zby5jb206QWRlbGUtUGE1NQ==");
  ASSERT_TRUE(credentials.has_value());
  EXPECT_EQ(credentials->user_name, "adele@contoso.com");
  EXPECT_EQ(credentials->password, "Adele-Pa55");
  // "u:a:b" -> the password keeps its colon; "u:" -> empty password
  EXPECT_EQ(parse_basic_token("dTphOmI=")->password, "a:b");
  EXPECT_EQ(parse_basic_token("dTo=")->password, "");
}

TEST(BasicCredentials, RefusesBase64ThatIsNotCanonical) {
  EXPECT_FALSE(parse_basic_token("").has_value());
  EXPECT_FALSE(parse_basic_token("dTo").has_value()) << "unpadded";
  EXPECT_FALSE(parse_basic_token("dTo==").has_value()) << "length not a multiple of 4";
  EXPECT_FALSE(parse_basic_token("d=To").has_value()) << "padding inside";
  EXPECT_FALSE(parse_basic_token("dTp=").has_value()) << "non-zero bits after the last byte";
  EXPECT_FALSE(parse_basic_token("dT!=").has_value()) << "outside the alphabet";
  EXPECT_FALSE(parse_basic_token("dT\xC3\xA9").has_value()) << "non-ASCII";
  EXPECT_FALSE(parse_basic_token("d===").has_value());
}

TEST(BasicCredentials, RefusesMissingColonAndControlCharacters) {
  EXPECT_FALSE(parse_basic_token("dXNlcg==").has_value()) << "\"user\"";
  EXPECT_FALSE(parse_basic_token("dTpQYTU1AA==").has_value()) << "\"u:Pa55\\0\"";
  EXPECT_FALSE(parse_basic_token("dTpQYTU1AAA=").has_value()) << "\"u:Pa55\\0\\0\"";
  EXPECT_FALSE(parse_basic_token("dQA6UGE1NQ==").has_value()) << "\"u\\0:Pa55\"";
  EXPECT_FALSE(parse_basic_token("dTpQYQpzcw==").has_value()) << "\"u:Pa\\nss\"";
}

TEST(BasicCredentials, RefusesATokenTooLongForAnyUserBeforeDecodingIt) {
  EXPECT_EQ(kMaxBasicTokenBytes, 2732U);
  const std::string huge(100 * 1024, 'A');
  EXPECT_FALSE(parse_basic_token(huge).has_value());
  // The longest acceptable pair still decodes: 1024-byte name, ':', 1024-byte password.
  std::string longest;
  for (std::size_t i = 0; i < kMaxBasicTokenBytes / 4; ++i) {
    longest += "QUFB";  // "AAA"
  }
  longest.replace(1364, 4, "QTpB");  // "A:A" somewhere in the middle
  EXPECT_TRUE(parse_basic_token(longest).has_value());
  EXPECT_FALSE(parse_basic_token(longest + "QUFB").has_value());
}

}  // namespace
}  // namespace oofgate::gateway
