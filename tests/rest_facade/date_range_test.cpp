// Years outside 0001-9999 (issue 10): refused whether the reading, its offset or its time zone
// puts it there; both edges of the range are accepted and rendered back exactly.
#include <gtest/gtest.h>

#include "rest_harness.h"

namespace oofgate::testing {
namespace {

std::string scheduled(const std::string& start, const std::string& start_zone, const std::string& end,
                      const std::string& end_zone) {
  return R"({"automaticRepliesSetting":{"status":"scheduled","scheduledStartDateTime":{"dateTime":")" + start +
         R"(","timeZone":")" + start_zone + R"("},"scheduledEndDateTime":{"dateTime":")" + end + R"(","timeZone":")" +
         end_zone + R"("}}})";
}

constexpr const char* kFuture = "2040-01-01T00:00:00";

void expect_refused(RestHarness& h, const std::string& body, const std::string& code, const std::string& message) {
  const auto before = h.get("/v1.0/me/mailboxSettings").body();
  const auto response = h.patch("/v1.0/me/mailboxSettings", body);
  EXPECT_EQ(response.result_int(), 400) << body;
  const auto document = parse_json(response.body());
  ASSERT_FALSE(document.HasParseError());
  EXPECT_EQ(json_at(document, "/error/code"), "\"" + code + "\"") << body;
  EXPECT_EQ(json_at(document, "/error/message"), "\"" + message + "\"") << body;
  EXPECT_EQ(h.get("/v1.0/me/mailboxSettings").body(), before) << body;
}

std::string literal_error(const std::string& literal) {
  return "Cannot convert the literal '" + literal + "' to the expected type 'Edm.DateTimeOffset'.";
}

constexpr const char* kOutOfRange =
    "The date and time must lie between 0001-01-01T00:00:00 and 9999-12-31T23:59:59.9999999 UTC, in the stated time "
    "zone and in UTC.";

TEST(DateRange, BothEdgesAreAcceptedAndRenderedExactly) {
  RestHarness h;
  const auto response = h.patch("/v1.0/me/mailboxSettings",
                                scheduled("0001-01-01T00:00:00", "UTC", "9999-12-31T23:59:59.9999999", "UTC"));
  ASSERT_EQ(response.result_int(), 200) << response.body();
  const auto stored = parse_json(h.get("/v1.0/me/mailboxSettings/automaticRepliesSetting").body());
  EXPECT_EQ(json_at(stored, "/scheduledStartDateTime/dateTime"), "\"0001-01-01T00:00:00.0000000\"");
  EXPECT_EQ(json_at(stored, "/scheduledEndDateTime/dateTime"), "\"9999-12-31T23:59:59.9999999\"");
  // What oofgate rendered, it takes back.
  EXPECT_EQ(h.patch("/v1.0/me/mailboxSettings",
                    scheduled("0001-01-01T00:00:00.0000000", "UTC", "9999-12-31T23:59:59.9999999", "UTC"))
                .result_int(),
            200);
}

TEST(DateRange, OnePastEitherEdgeIsRefused) {
  RestHarness h;
  expect_refused(h, scheduled("0000-12-31T23:59:59.9999999", "UTC", kFuture, "UTC"), "RequestBodyRead",
                 literal_error("0000-12-31T23:59:59.9999999"));
  // Five digits of year do not parse at all.
  expect_refused(h, scheduled(kFuture, "UTC", "10000-01-01T00:00:00", "UTC"), "RequestBodyRead",
                 literal_error("10000-01-01T00:00:00"));
}

TEST(DateRange, AnOffsetThatLeavesTheRangeIsRefused) {
  RestHarness h;
  expect_refused(h, scheduled("0001-01-01T00:00:00+00:01", "UTC", kFuture, "UTC"), "RequestBodyRead",
                 literal_error("0001-01-01T00:00:00+00:01"));
  expect_refused(h, scheduled(kFuture, "UTC", "9999-12-31T23:59:59.9999999-00:01", "UTC"), "RequestBodyRead",
                 literal_error("9999-12-31T23:59:59.9999999-00:01"));
}

TEST(DateRange, ALocalTimeThatConvertsOutOfRangeIsRefused) {
  RestHarness h;
  // 23:00 on the last day in a UTC-8 zone is 07:00 on 10000-01-01 UTC.
  expect_refused(h, scheduled(kFuture, "UTC", "9999-12-31T23:00:00", "Pacific Standard Time"), "InvalidArguments",
                 kOutOfRange);
  expect_refused(h, scheduled(kFuture, "UTC", "9999-12-31T23:00:00", "America/Los_Angeles"), "InvalidArguments",
                 kOutOfRange);
  // 00:30 on the first day in a UTC+9 zone is the year 0 in UTC.
  expect_refused(h, scheduled("0001-01-01T00:30:00", "Tokyo Standard Time", kFuture, "UTC"), "InvalidArguments",
                 kOutOfRange);
  // An in-range instant that the stated zone would show past the end.
  expect_refused(h, scheduled(kFuture, "UTC", "9999-12-31T23:00:00Z", "Asia/Tokyo"), "InvalidArguments", kOutOfRange);
}

}  // namespace
}  // namespace oofgate::testing
