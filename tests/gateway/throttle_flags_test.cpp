#include <gtest/gtest.h>

#include <string>

#include "gateway/flag_parsing.h"

namespace oofgate::gateway {
namespace {

using namespace std::chrono_literals;

TEST(ThrottleFlags, DefaultsAreGraphsLimits) {
  const auto parsed = parse_serve({});
  ASSERT_TRUE(parsed.ok());
  const auto& limits = parsed.value().serve->throttle;
  EXPECT_EQ(limits.max_concurrent, 4U);
  EXPECT_EQ(limits.max_requests, 10000U);
  EXPECT_EQ(limits.window, 600s);
}

TEST(ThrottleFlags, EachLimitCanBeSetOrSwitchedOff) {
  const auto parsed =
      parse_serve({"--throttle-concurrency", "0", "--throttle-requests", "25", "--throttle-window", "60"});
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  const auto& limits = parsed.value().serve->throttle;
  EXPECT_EQ(limits.max_concurrent, 0U);
  EXPECT_EQ(limits.max_requests, 25U);
  EXPECT_EQ(limits.window, 60s);
}

TEST(ThrottleFlags, BadValuesAreUsageErrors) {
  for (const auto& args : std::vector<std::vector<const char*>>{{"--throttle-concurrency", "-1"},
                                                                {"--throttle-requests", "many"},
                                                                {"--throttle-window", "0"},
                                                                {"--throttle-window", "86401"}}) {
    const auto parsed = parse_serve(args);
    ASSERT_FALSE(parsed.ok()) << args[0] << " " << args[1];
    EXPECT_NE(parsed.error().message.find(args[0]), std::string::npos);
    EXPECT_EQ(parsed.error().message.find('\n'), std::string::npos);  // one line: main() adds the pointer to --help
  }
}

TEST(ThrottleFlags, UsageTextNamesTheFlags) {
  const std::string usage = usage_text();
  for (const char* flag : {"--throttle-concurrency", "--throttle-requests", "--throttle-window"}) {
    EXPECT_NE(usage.find(flag), std::string::npos) << flag;
  }
}

}  // namespace
}  // namespace oofgate::gateway
