// Hostile bodies and paths never crash the facade and always get a Graph-shaped answer.
#include <gtest/gtest.h>

#include <random>

#include "rest_harness.h"

namespace oofgate::testing {
namespace {

TEST(Robustness, MutatedBodiesGetGraphAnswers) {
  RestHarness h;
  const std::string seed =
      R"({"automaticRepliesSetting":{"status":"scheduled","scheduledStartDateTime":{"dateTime":"2030-02-01T00:00:00",)"
      R"("timeZone":"UTC"},"scheduledEndDateTime":{"dateTime":"2030-02-02T00:00:00","timeZone":"UTC"}},)"
      R"("workingHours":{"daysOfWeek":["monday"],"startTime":"08:00:00","endTime":"17:00:00",)"
      R"("timeZone":{"@odata.type":"#microsoft.graph.customTimeZone","bias":60,"standardOffset":{"time":"02:00:00"}}}})";
  std::mt19937 random(12345);  // fixed seed: failures reproduce
  for (int i = 0; i < 300; ++i) {
    std::string body = seed;
    const int edits = 1 + static_cast<int>(random() % 4);
    for (int e = 0; e < edits; ++e) {
      const auto at = random() % body.size();
      switch (random() % 3) {
        case 0:
          body[at] = static_cast<char>(random() % 256);
          break;
        case 1:
          body.erase(at, 1 + random() % 8);
          break;
        default:
          body.insert(at, 1, "{}[]\",:0-9a"[random() % 12]);
          break;
      }
      if (body.empty()) {
        body = "{";
      }
    }
    const auto response = h.patch("/v1.0/me/mailboxSettings", body);
    ASSERT_TRUE(response.result_int() == 200 || response.result_int() == 400) << body << "\n" << response.body();
    const auto document = parse_json(response.body());
    ASSERT_FALSE(document.HasParseError()) << body;
    expect_graph_headers(response);
  }
}

TEST(Robustness, DeeplyNestedBodyIsRefusedNotOverflowed) {
  RestHarness h;
  const std::string body = R"({"workingHours":)" + std::string(100000, '[') + std::string(100000, ']') + "}";
  const auto response = h.patch("/v1.0/me/mailboxSettings", body);
  EXPECT_EQ(response.result_int(), 400);
}

TEST(Robustness, OddTargetsGetGraphAnswers) {
  RestHarness h;
  for (const char* target : {"/", "", "/v1.0", "/v1.0/", "/v1.0//me///mailboxSettings/", "/v1.0/users", "/v1.0/users/",
                             "/v1.0/users('')/mailboxSettings", "/v1.0/users(')/mailboxSettings",
                             "/v1.0/me/mailboxSettings/%", "/v1.0/me/mailboxSettings?$select=", "/v1.0/me/outlook",
                             "/v1.0/me/mailboxSettings/automaticRepliesSetting/status"}) {
    const auto response = h.get(target);
    EXPECT_LT(response.result_int(), 500) << target;
    EXPECT_FALSE(parse_json(response.body()).HasParseError()) << target;
    expect_graph_headers(response);
  }
}

}  // namespace
}  // namespace oofgate::testing
