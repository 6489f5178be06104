// Years outside 0001-9999 (issue 10): refused whether the reading, its offset or its time zone
// puts it there; both edges of the range are accepted and rendered back exactly.
#include <gtest/gtest.h>

#include <vector>

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

struct OutOfRange {
  const char* why;
  std::string body;
  std::string code;
  std::string message;
};

TEST(DateRange, OutOfRangeReadingsOffsetsAndZonesAreRefused) {
  const std::vector<OutOfRange> cases = {
      {"one tick before the first instant", scheduled("0000-12-31T23:59:59.9999999", "UTC", kFuture, "UTC"),
       "RequestBodyRead", literal_error("0000-12-31T23:59:59.9999999")},
      {"five digits of year do not parse", scheduled(kFuture, "UTC", "10000-01-01T00:00:00", "UTC"), "RequestBodyRead",
       literal_error("10000-01-01T00:00:00")},
      {"an offset moving the first instant back", scheduled("0001-01-01T00:00:00+00:01", "UTC", kFuture, "UTC"),
       "RequestBodyRead", literal_error("0001-01-01T00:00:00+00:01")},
      {"an offset moving the last instant on", scheduled(kFuture, "UTC", "9999-12-31T23:59:59.9999999-00:01", "UTC"),
       "RequestBodyRead", literal_error("9999-12-31T23:59:59.9999999-00:01")},
      {"23:00 on the last day at UTC-8 is 10000-01-01T07:00Z",
       scheduled(kFuture, "UTC", "9999-12-31T23:00:00", "Pacific Standard Time"), "InvalidArguments", kOutOfRange},
      {"the same in an IANA zone", scheduled(kFuture, "UTC", "9999-12-31T23:00:00", "America/Los_Angeles"),
       "InvalidArguments", kOutOfRange},
      {"00:30 on the first day at UTC+9 is in year 0 UTC",
       scheduled("0001-01-01T00:30:00", "Tokyo Standard Time", kFuture, "UTC"), "InvalidArguments", kOutOfRange},
      {"an instant in range that the zone would show past the end",
       scheduled(kFuture, "UTC", "9999-12-31T23:00:00Z", "Asia/Tokyo"), "InvalidArguments", kOutOfRange},
  };
  RestHarness h;
  for (const auto& refused : cases) {
    SCOPED_TRACE(refused.why);
    expect_refused(h, refused.body, refused.code, refused.message);
  }
}

}  // namespace
}  // namespace oofgate::testing
