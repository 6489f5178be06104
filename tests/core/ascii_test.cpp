#include <gtest/gtest.h>

#include <string>

#include "core/text/ascii.h"

namespace oofgate::core {
namespace {

TEST(Ascii, ComparesProtocolTokensCaseInsensitivelyInAsciiOnly) {
  EXPECT_TRUE(iequals_ascii("Application/JSON", "application/json"));
  EXPECT_FALSE(iequals_ascii("application/json", "application/jso"));
  EXPECT_FALSE(iequals_ascii("\xC3\x89", "\xC3\xA9"));  // É and é: not ASCII, not folded
  EXPECT_EQ(to_lower_ascii("Adele@Contoso.COM"), "adele@contoso.com");
}

TEST(Ascii, TrimStripsOnlyTheGivenCharactersFromBothEnds) {
  EXPECT_EQ(trim(" \ttext/xml \t", kHttpSpace), "text/xml");
  EXPECT_EQ(trim("a b", kHttpSpace), "a b");
  EXPECT_EQ(trim(" \t ", kHttpSpace), "");
  EXPECT_EQ(trim("", kHttpSpace), "");
  EXPECT_EQ(trim("\r\nx\r\n", kHttpSpace), "\r\nx\r\n");
}

TEST(Ascii, HexDigitValueKnowsEveryDigitOfEitherCaseAndNothingElse) {
  const std::string digits = "0123456789abcdef";
  for (int byte = 0; byte < 256; ++byte) {
    const auto c = static_cast<char>(byte);
    const auto at = digits.find(to_lower_ascii(c));
    const auto value = hex_digit_value(c);
    if (at != std::string::npos) {
      ASSERT_TRUE(value.has_value()) << byte;
      EXPECT_EQ(*value, static_cast<int>(at)) << byte;
    } else {
      EXPECT_FALSE(value.has_value()) << byte;
    }
  }
}

}  // namespace
}  // namespace oofgate::core
