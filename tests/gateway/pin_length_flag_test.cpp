// `oofgate serve --pin-length N`: the ResetPIN policy's PIN length (Exchange MinPINLength, 4..24).
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "gateway/flag_parsing.h"

namespace oofgate::gateway {
namespace {

TEST(PinLengthFlag, DefaultsToSixDigits) {
  const auto parsed = parse_serve({});
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed.value().serve->pin_length, 6U);
}

TEST(PinLengthFlag, AcceptsFourToTwentyFour) {
  for (const char* length : {"4", "8", "24"}) {
    const auto parsed = parse_serve({"--pin-length", length});
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    EXPECT_EQ(parsed.value().serve->pin_length, std::stoul(length));
  }
}

TEST(PinLengthFlag, RefusesOtherValues) {
  for (const char* length : {"3", "25", "0", "six", "-6", ""}) {
    const auto parsed = parse_serve({"--pin-length", length});
    ASSERT_FALSE(parsed.ok()) << length;
    EXPECT_EQ(parsed.error().message, "--pin-length needs a number from 4 to 24, got '" + std::string(length) + "'");
  }
}

}  // namespace
}  // namespace oofgate::gateway
