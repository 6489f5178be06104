// Exact bytes of the canonical GET and PATCH bodies.
#include <gtest/gtest.h>

#include "rest_harness.h"

namespace oofgate::testing {
namespace {

const std::string kContext =
    "https://graph.microsoft.com/v1.0/$metadata#users('87d349ed-44d7-43e1-9a83-5f2406dee5bd')/mailboxSettings";

TEST(CanonicalBodies, GetMailboxSettingsIsByteExact) {
  RestHarness h;
  const auto response = h.get("/v1.0/me/mailboxSettings");
  ASSERT_EQ(response.result_int(), 200);
  EXPECT_EQ(response.body(),
            R"({"@odata.context":")" + kContext +
                R"(","archiveFolder":"AAMkYoQ7fO4RaDPlt9bSnh-DxlkUUxsRhD2fU7DXbavJAAA=","timeZone":"UTC",)"
                R"("delegateMeetingMessageDeliveryOptions":"sendToDelegateOnly","dateFormat":"M/d/yyyy",)"
                R"("timeFormat":"h:mm tt","userPurpose":"user","automaticRepliesSetting":{"status":"disabled",)"
                R"("externalAudience":"all","internalReplyMessage":"","externalReplyMessage":"",)"
                R"("scheduledStartDateTime":{"dateTime":"2030-01-15T12:00:00.0000000","timeZone":"UTC"},)"
                R"("scheduledEndDateTime":{"dateTime":"2030-01-16T12:00:00.0000000","timeZone":"UTC"}},)"
                R"x("language":{"locale":"en-US","displayName":"English (United States)"},)x"
                R"("workingHours":{"daysOfWeek":["monday","tuesday","wednesday","thursday","friday"],)"
                R"("startTime":"08:00:00.0000000","endTime":"17:00:00.0000000","timeZone":{"name":"UTC"}}})");
}

TEST(CanonicalBodies, PatchAnswersRequestedMembersInFullAfterMerge) {
  RestHarness h;
  // Scheduled replies: PascalCase enums, an instant with "Z" shown in the stated zone, a
  // wall-clock reading with fewer fraction digits; workingHours with a Windows zone.
  const auto response = h.patch("/v1.0/me/mailboxSettings", R"({
      "automaticRepliesSetting": {
        "status": "Scheduled",
        "externalAudience": "All",
        "internalReplyMessage": "<html><body>Away</body></html>",
        "scheduledStartDateTime": {"dateTime": "2030-03-01T16:00:00Z", "timeZone": "Pacific Standard Time"},
        "scheduledEndDateTime": {"dateTime": "2030-03-20T18:00:00.5", "timeZone": "UTC"}
      },
      "workingHours": {
        "daysOfWeek": ["Monday", "Friday"],
        "startTime": "09:00:00",
        "endTime": "18:00:00.0000000",
        "timeZone": {"name": "Pacific Standard Time"}
      }
    })");
  ASSERT_EQ(response.result_int(), 200) << response.body();
  EXPECT_EQ(
      response.body(),
      R"({"@odata.context":")" + kContext +
          R"(","automaticRepliesSetting":{"status":"scheduled","externalAudience":"all",)"
          R"("internalReplyMessage":"<html><body>Away</body></html>","externalReplyMessage":"",)"
          R"("scheduledStartDateTime":{"dateTime":"2030-03-01T08:00:00.0000000","timeZone":"Pacific Standard Time"},)"
          R"("scheduledEndDateTime":{"dateTime":"2030-03-20T18:00:00.5000000","timeZone":"UTC"}},)"
          R"("workingHours":{"daysOfWeek":["monday","friday"],"startTime":"09:00:00.0000000",)"
          R"("endTime":"18:00:00.0000000","timeZone":{"name":"Pacific Standard Time"}}})");
}

}  // namespace
}  // namespace oofgate::testing
