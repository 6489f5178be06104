// Time-zone names a client may send (issue 10): the pinned IANA names and Windows names only,
// never the host's /etc/localtime, a date/tz special file or a path.
#include <gtest/gtest.h>

#include "rest_harness.h"

namespace oofgate::testing {
namespace {

TEST(TimeZoneNames, HostFilesAndPathsAreRefusedEverywhere) {
  RestHarness h;
  const std::string before = h.get("/v1.0/me/mailboxSettings").body();
  for (const char* name : {"localtime", "posixrules", "Factory", "posix/Europe/Paris", "right/UTC", "/etc/localtime",
                           "../../../../etc/localtime", "UTC\\u0000"}) {
    for (const std::string& body :
         {std::string(R"({"timeZone":")") + name + "\"}",
          std::string(R"({"workingHours":{"timeZone":{"name":")") + name + "\"}}}",
          std::string(R"({"automaticRepliesSetting":{"scheduledStartDateTime":{"dateTime":"2040-01-01T00:00:00",)"
                      R"("timeZone":")") +
              name + "\"}}}"}) {
      const auto response = h.patch("/v1.0/me/mailboxSettings", body);
      EXPECT_EQ(response.result_int(), 400) << body;
      const auto document = parse_json(response.body());
      EXPECT_EQ(json_at(document, "/error/code"), "\"InvalidTimeZone\"") << body;
      EXPECT_EQ(json_at(document, "/error/message"), "\"Time Zone settings provided are invalid.\"") << body;
    }
  }
  EXPECT_EQ(h.get("/v1.0/me/mailboxSettings").body(), before);
  const auto listed =
      h.get("/v1.0/me/outlook/supportedTimeZones(TimeZoneStandard=microsoft.graph.timeZoneStandard'Iana')");
  ASSERT_EQ(listed.result_int(), 200);
  EXPECT_EQ(listed.body().find("localtime"), std::string::npos);
  EXPECT_EQ(listed.body().find("posix"), std::string::npos);
  EXPECT_EQ(listed.body().find("Factory"), std::string::npos);
  EXPECT_NE(listed.body().find("\"Europe/Paris\""), std::string::npos);
}

TEST(TimeZoneNames, IanaAndWindowsNamesAreAccepted) {
  RestHarness h;
  for (const char* name : {"Europe/Paris", "W. Europe Standard Time", "Etc/GMT-14", "UTC"}) {
    const auto response = h.patch("/v1.0/me/mailboxSettings", std::string(R"({"timeZone":")") + name + "\"}");
    EXPECT_EQ(response.result_int(), 200) << name << response.body();
  }
}

}  // namespace
}  // namespace oofgate::testing
