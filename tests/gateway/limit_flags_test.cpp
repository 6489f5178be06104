// `oofgate serve` limit flags (ServeLimits): defaults, each flag, and the values each refuses.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "gateway/flag_parsing.h"

namespace oofgate::gateway {
namespace {

using namespace std::chrono_literals;

ServeLimits parsed_limits(std::vector<const char*> args) {
  const auto parsed = parse_serve(std::move(args));
  EXPECT_TRUE(parsed.ok()) << parsed.error().message;
  return parsed.ok() ? parsed.value().serve->limits : ServeLimits{};
}

TEST(LimitFlags, Defaults) {
  const auto limits = parsed_limits({});
  EXPECT_EQ(limits.body_bytes, 1048576U);
  EXPECT_EQ(limits.header_bytes, 16384U);
  EXPECT_EQ(limits.header_count, 100U);
  EXPECT_EQ(limits.trailer_bytes, 4096U);
  EXPECT_EQ(limits.url_bytes, 8192U);
  EXPECT_EQ(limits.read_timeout, 30s);
  EXPECT_EQ(limits.idle_timeout, 60s);
  EXPECT_EQ(limits.max_connections, 16384U);
  EXPECT_EQ(limits.pipeline_limit, 16U);
  EXPECT_EQ(limits.json_max_depth, 64U);
  EXPECT_EQ(limits.json_max_string_bytes, 262144U);
  EXPECT_EQ(limits.xml_max_depth, 64U);
  EXPECT_EQ(limits.xml_max_elements, 10000U);
  EXPECT_EQ(limits.xml_max_attributes, 64U);
  EXPECT_EQ(limits.auth_failures, 10U);
  EXPECT_EQ(limits.auth_failure_window, 60s);
  EXPECT_EQ(limits.auth_workers, 2U);
  EXPECT_EQ(limits.auth_queue, 64U);
  EXPECT_EQ(limits.reset_pin_limit, 3U);
  EXPECT_EQ(limits.reset_pin_window, 600s);
}

// The benchmark holds 10,000 idle connections plus 64 busy ones on one process.
TEST(LimitFlags, DefaultConnectionLimitAllowsTheBenchmark) {
  EXPECT_GE(parsed_limits({}).max_connections, 10000U + 64U);
}

TEST(LimitFlags, EachFlagSetsItsLimit) {
  const auto limits = parsed_limits({"--body-limit", "2000",           "--header-limit", "8192",
                                     "--header-count", "50",           "--trailer-limit", "0",
                                     "--url-limit", "2048",            "--read-timeout", "5",
                                     "--idle-timeout", "7",            "--max-connections", "300",
                                     "--pipeline-limit", "4",          "--json-max-depth", "10",
                                     "--json-max-string", "1000",      "--xml-max-depth", "12",
                                     "--xml-max-elements", "500",      "--xml-max-attributes", "8",
                                     "--auth-failures", "5",           "--auth-failure-window", "30",
                                     "--auth-workers", "3",            "--auth-queue", "16",
                                     "--reset-pin-limit", "2",         "--reset-pin-window", "120"});
  EXPECT_EQ(limits.body_bytes, 2000U);
  EXPECT_EQ(limits.header_bytes, 8192U);
  EXPECT_EQ(limits.header_count, 50U);
  EXPECT_EQ(limits.trailer_bytes, 0U);
  EXPECT_EQ(limits.url_bytes, 2048U);
  EXPECT_EQ(limits.read_timeout, 5s);
  EXPECT_EQ(limits.idle_timeout, 7s);
  EXPECT_EQ(limits.max_connections, 300U);
  EXPECT_EQ(limits.pipeline_limit, 4U);
  EXPECT_EQ(limits.json_max_depth, 10U);
  EXPECT_EQ(limits.json_max_string_bytes, 1000U);
  EXPECT_EQ(limits.xml_max_depth, 12U);
  EXPECT_EQ(limits.xml_max_elements, 500U);
  EXPECT_EQ(limits.xml_max_attributes, 8U);
  EXPECT_EQ(limits.auth_failures, 5U);
  EXPECT_EQ(limits.auth_failure_window, 30s);
  EXPECT_EQ(limits.auth_workers, 3U);
  EXPECT_EQ(limits.auth_queue, 16U);
  EXPECT_EQ(limits.reset_pin_limit, 2U);
  EXPECT_EQ(limits.reset_pin_window, 120s);
}

TEST(LimitFlags, ValuesAtTheEdgesOfTheirRangeAreAccepted) {
  const auto limits = parsed_limits({"--header-limit", "1024", "--header-limit", "1048576", "--read-timeout", "3600",
                                     "--max-connections", "1"});
  EXPECT_EQ(limits.header_bytes, 1048576U);
  EXPECT_EQ(limits.read_timeout, 3600s);
  EXPECT_EQ(limits.max_connections, 1U);
}

struct BadValue {
  const char* flag;
  const char* value;
  const char* expected_message;
};

TEST(LimitFlags, BadValuesAreUsageErrorsNamingTheRange) {
  for (const auto& bad : std::vector<BadValue>{
           {"--body-limit", "0", "--body-limit needs a number from 1 to 1073741824, got '0'"},
           {"--header-limit", "1023", "--header-limit needs a number from 1024 to 1048576, got '1023'"},
           {"--header-limit", "1048577", "--header-limit needs a number from 1024 to 1048576, got '1048577'"},
           {"--header-count", "-1", "--header-count needs a number from 1 to 10000, got '-1'"},
           {"--trailer-limit", "4k", "--trailer-limit needs a number from 0 to 1048576, got '4k'"},
           {"--url-limit", "63", "--url-limit needs a number from 64 to 1048576, got '63'"},
           {"--read-timeout", "0", "--read-timeout needs a number of seconds from 1 to 3600, got '0'"},
           {"--idle-timeout", "86401", "--idle-timeout needs a number of seconds from 1 to 86400, got '86401'"},
           {"--max-connections", "0", "--max-connections needs a number from 1 to 10000000, got '0'"},
           {"--pipeline-limit", "1025", "--pipeline-limit needs a number from 1 to 1024, got '1025'"},
           {"--json-max-depth", "", "--json-max-depth needs a number from 1 to 10000, got ''"},
           {"--json-max-string", " 5", "--json-max-string needs a number from 1 to 1073741824, got ' 5'"},
           {"--xml-max-depth", "0", "--xml-max-depth needs a number from 1 to 10000, got '0'"},
           {"--xml-max-elements", "1e6", "--xml-max-elements needs a number from 1 to 100000000, got '1e6'"},
           {"--xml-max-attributes", "0", "--xml-max-attributes needs a number from 1 to 100000, got '0'"},
           {"--auth-failures", "0", "--auth-failures needs a number from 1 to 1000000, got '0'"},
           {"--auth-failure-window", "0", "--auth-failure-window needs a number of seconds from 1 to 86400, got '0'"},
           {"--auth-workers", "257", "--auth-workers needs a number from 1 to 256, got '257'"},
           {"--auth-queue", "0", "--auth-queue needs a number from 1 to 1000000, got '0'"},
           {"--reset-pin-limit", "1001", "--reset-pin-limit needs a number from 1 to 1000, got '1001'"},
           {"--reset-pin-window", "99999999999999999999999",
            "--reset-pin-window needs a number of seconds from 1 to 86400, got '99999999999999999999999'"},
       }) {
    const auto parsed = parse_serve({bad.flag, bad.value});
    ASSERT_FALSE(parsed.ok()) << bad.flag << " " << bad.value;
    EXPECT_EQ(parsed.error().message.substr(0, parsed.error().message.find('\n')), bad.expected_message);
    EXPECT_NE(parsed.error().message.find("Usage:"), std::string::npos);
  }
}

TEST(LimitFlags, AFlagWithoutItsValueIsAUsageError) {
  const auto parsed = parse_serve({"--max-connections"});
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().message.substr(0, parsed.error().message.find('\n')), "missing value for --max-connections");
}

TEST(LimitFlags, UsageTextNamesEveryLimitFlag) {
  const std::string usage = kUsage;
  for (const char* flag :
       {"--body-limit", "--header-limit", "--header-count", "--trailer-limit", "--url-limit", "--read-timeout",
        "--idle-timeout", "--max-connections", "--pipeline-limit", "--json-max-depth", "--json-max-string",
        "--xml-max-depth", "--xml-max-elements", "--xml-max-attributes", "--auth-failures", "--auth-failure-window",
        "--auth-workers", "--auth-queue", "--reset-pin-limit", "--reset-pin-window"}) {
    EXPECT_NE(usage.find(std::string("  ") + flag + " "), std::string::npos) << flag;
  }
}

}  // namespace
}  // namespace oofgate::gateway
