// RequestTarget: hostile query strings (issue 10).
#include <gtest/gtest.h>

#include <chrono>

#include "rest_facade/graph_error.h"
#include "rest_facade/routing/request_target.h"

namespace oofgate::rest {
namespace {

TEST(RequestTarget, RepeatedQueryOptionIsFoundUnderQueryOptionMatching) {
  EXPECT_EQ(parse_request_target("/v1.0/me?$select=a&$top=1").repeated_query_option(), std::nullopt);
  EXPECT_EQ(parse_request_target("/v1.0/me?$select=a&$select=b").repeated_query_option(), "$select");
  // query_option() reads "$SELECT" and "select" as $select too, so they repeat it.
  EXPECT_EQ(parse_request_target("/v1.0/me?$select=a&$top=1&$SELECT=b").repeated_query_option(), "$SELECT");
  EXPECT_EQ(parse_request_target("/v1.0/me?select=a&%24select=b").repeated_query_option(), "$select");
  EXPECT_EQ(repeated_query_option_error("$select").message,
            "Query option '$select' was specified more than once, but it must be specified at most once.");
  EXPECT_EQ(repeated_query_option_error("$s\xFF").message,
            "Query option '$s\\xFF' was specified more than once, but it must be specified at most once.");
}

TEST(RequestTarget, ThousandsOfQueryOptionsCostLinearithmicTime) {
  std::string target = "/v1.0/me/mailboxSettings?";
  for (int i = 0; i < 20000; ++i) {
    target += "p" + std::to_string(i) + "=x&";
  }
  target += "p0=y";
  const auto started = std::chrono::steady_clock::now();
  const auto parsed = parse_request_target(target);
  EXPECT_EQ(parsed.query.size(), 20001U);
  EXPECT_EQ(parsed.repeated_query_option(), "p0");
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(2));
}

}  // namespace
}  // namespace oofgate::rest
