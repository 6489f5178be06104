#include <gtest/gtest.h>

#include <string>

#include "gateway/config/command_line.h"

namespace oofgate::gateway {
namespace {

using namespace std::chrono_literals;

core::Result<CommandLine> parse(std::vector<const char*> args) {
  args.insert(args.begin(), {"oofgate", "serve", "--users", "users.json"});
  return parse_command_line(static_cast<int>(args.size()), args.data());
}

TEST(ThrottleFlags, DefaultsAreGraphsLimits) {
  const auto parsed = parse({});
  ASSERT_TRUE(parsed.ok());
  const auto& limits = parsed.value().serve->throttle;
  EXPECT_EQ(limits.max_concurrent, 4U);
  EXPECT_EQ(limits.max_requests, 10000U);
  EXPECT_EQ(limits.window, 600s);
}

TEST(ThrottleFlags, EachLimitCanBeSetOrSwitchedOff) {
  const auto parsed = parse({"--throttle-concurrency", "0", "--throttle-requests", "25", "--throttle-window", "60"});
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
    const auto parsed = parse(args);
    ASSERT_FALSE(parsed.ok()) << args[0] << " " << args[1];
    EXPECT_NE(parsed.error().message.find(args[0]), std::string::npos);
    EXPECT_NE(parsed.error().message.find("Usage:"), std::string::npos);
  }
}

TEST(ThrottleFlags, UsageTextNamesTheFlags) {
  const std::string usage = kUsage;
  for (const char* flag : {"--throttle-concurrency", "--throttle-requests", "--throttle-window"}) {
    EXPECT_NE(usage.find(flag), std::string::npos) << flag;
  }
}

}  // namespace
}  // namespace oofgate::gateway
