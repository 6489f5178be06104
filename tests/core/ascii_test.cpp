#include <gtest/gtest.h>

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

}  // namespace
}  // namespace oofgate::core
