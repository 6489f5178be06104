// `oofgate serve` limit flags (ServeLimits): defaults, each flag, and the values each refuses.
#include <cstdint>
#include <string>
#include <type_traits>
#include <vector>

#include <gtest/gtest.h>

#include "gateway/flag_parsing.h"

namespace oofgate::gateway {
namespace {

ServeLimits parsed_limits(std::vector<const char*> args) {
  const auto parsed = parse_serve(std::move(args));
  EXPECT_TRUE(parsed.ok()) << parsed.error().message;
  return parsed.ok() ? parsed.value().serve->limits : ServeLimits{};
}

// Each limit flag: the value it reads back as (seconds for durations), its default, and a
// value to set it to.
struct LimitCase {
  const char* flag;
  std::uint64_t (*read)(const ServeLimits&);
  std::uint64_t default_value;
  const char* other_value;
};

template <auto member>
std::uint64_t read_limit(const ServeLimits& limits) {
  if constexpr (std::is_same_v<std::remove_cvref_t<decltype(limits.*member)>, std::chrono::seconds>) {
    return static_cast<std::uint64_t>((limits.*member).count());
  } else {
    return limits.*member;
  }
}

const std::vector<LimitCase> kLimitCases = {
    {"--body-limit", read_limit<&ServeLimits::body_bytes>, 1048576, "2000"},
    {"--header-limit", read_limit<&ServeLimits::header_bytes>, 16384, "8192"},
    {"--header-count", read_limit<&ServeLimits::header_count>, 100, "50"},
    {"--trailer-limit", read_limit<&ServeLimits::trailer_bytes>, 4096, "0"},
    {"--url-limit", read_limit<&ServeLimits::url_bytes>, 8192, "2048"},
    {"--read-timeout", read_limit<&ServeLimits::read_timeout>, 30, "5"},
    {"--idle-timeout", read_limit<&ServeLimits::idle_timeout>, 60, "7"},
    {"--max-connections", read_limit<&ServeLimits::max_connections>, 16384, "300"},
    {"--body-memory", read_limit<&ServeLimits::body_memory>, 268435456, "4194304"},
    {"--json-max-depth", read_limit<&ServeLimits::json_max_depth>, 64, "10"},
    {"--json-max-string", read_limit<&ServeLimits::json_max_string_bytes>, 262144, "1000"},
    {"--xml-max-depth", read_limit<&ServeLimits::xml_max_depth>, 64, "12"},
    {"--xml-max-elements", read_limit<&ServeLimits::xml_max_elements>, 10000, "500"},
    {"--xml-max-attributes", read_limit<&ServeLimits::xml_max_attributes>, 64, "8"},
    {"--auth-failures", read_limit<&ServeLimits::auth_failures>, 10, "5"},
    {"--auth-failure-window", read_limit<&ServeLimits::auth_failure_window>, 60, "30"},
    {"--auth-workers", read_limit<&ServeLimits::auth_workers>, 2, "3"},
    {"--auth-queue", read_limit<&ServeLimits::auth_queue>, 64, "16"},
    {"--reset-pin-limit", read_limit<&ServeLimits::reset_pin_limit>, 3, "2"},
    {"--reset-pin-window", read_limit<&ServeLimits::reset_pin_window>, 600, "120"},
};

TEST(LimitFlags, Defaults) {
  const auto limits = parsed_limits({});
  for (const auto& limit : kLimitCases) {
    EXPECT_EQ(limit.read(limits), limit.default_value) << limit.flag;
  }
}

// The benchmark holds 10,000 idle connections plus 64 busy ones on one process.
TEST(LimitFlags, DefaultConnectionLimitAllowsTheBenchmark) {
  EXPECT_GE(parsed_limits({}).max_connections, 10000U + 64U);
}

TEST(LimitFlags, EachFlagSetsItsLimit) {
  std::vector<const char*> args;
  for (const auto& limit : kLimitCases) {
    args.insert(args.end(), {limit.flag, limit.other_value});
  }
  const auto limits = parsed_limits(args);
  for (const auto& limit : kLimitCases) {
    EXPECT_EQ(limit.read(limits), std::stoull(limit.other_value)) << limit.flag;
  }
}

TEST(LimitFlags, ValuesAtTheEdgesOfTheirRangeAreAccepted) {
  const auto limits = parsed_limits(
      {"--header-limit", "1024", "--header-limit", "1048576", "--read-timeout", "3600", "--max-connections", "1"});
  EXPECT_EQ(limits.header_bytes, 1048576U);
  EXPECT_EQ(limits.read_timeout, std::chrono::seconds(3600));
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
           {"--body-memory", "1000", "--body-memory needs a number from 1048576 to 1099511627776, got '1000'"},
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
    EXPECT_EQ(parsed.error().message.find('\n'), std::string::npos);  // one line: main() adds the pointer to --help
  }
}

TEST(LimitFlags, AFlagWithoutItsValueIsAUsageError) {
  const auto parsed = parse_serve({"--max-connections"});
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().message.substr(0, parsed.error().message.find('\n')), "missing value for --max-connections");
}

TEST(LimitFlags, UsageTextNamesEveryLimitFlag) {
  const std::string usage = usage_text();
  for (const auto& limit : kLimitCases) {
    EXPECT_NE(usage.find(std::string("  ") + limit.flag + " "), std::string::npos) << limit.flag;
  }
}

}  // namespace
}  // namespace oofgate::gateway
