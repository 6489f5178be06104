// One store, two facades: what one protocol writes, the other reads, through the real binary.
#include <chrono>

#include <date/tz.h>

#include "e2e/e2e_support.h"

namespace oofgate::testing {
namespace {

namespace http = boost::beast::http;

std::string set_oof_status(bool on) {
  return std::string("<SetOofStatus xmlns=\"") + kMessagesNs + "\"><status>" + (on ? "true" : "false") +
         "</status></SetOofStatus>";
}

// Wall-clock time in a zone, as Graph's dateTimeTimeZone.dateTime text.
std::string local_text(std::chrono::system_clock::time_point instant, const char* iana_zone) {
  const auto local = date::make_zoned(iana_zone, std::chrono::floor<std::chrono::seconds>(instant)).get_local_time();
  return date::format("%FT%T", local);
}

using CrossFacade = GatewayTest;

TEST_F(CrossFacade, SoapSetOofStatusTrueIsAlwaysEnabledOnGraph) {
  ASSERT_EQ(um_call(set_oof_status(true)).result_int(), 200);

  const auto response = graph_get("/v1.0/me/mailboxSettings");
  ASSERT_EQ(response.result_int(), 200) << response.body();
  const auto json = parse_json(response.body());
  EXPECT_STREQ(json["automaticRepliesSetting"]["status"].GetString(), "alwaysEnabled");
}

TEST_F(CrossFacade, GraphPatchDisabledTurnsUmOofStatusOff) {
  ASSERT_EQ(um_call(set_oof_status(true)).result_int(), 200);
  ASSERT_EQ(um_oof_status(), "true");

  const auto response = graph_patch("/v1.0/me/mailboxSettings", R"({"automaticRepliesSetting":{"status":"disabled"}})");
  ASSERT_EQ(response.result_int(), 200) << response.body();
  EXPECT_EQ(um_oof_status(), "false");
}

TEST_F(CrossFacade, ScheduledWindowAroundNowInPacificTimeTurnsUmOofStatusOn) {
  const auto now = std::chrono::system_clock::now();
  const std::string body = R"({"automaticRepliesSetting":{"status":"scheduled",)"
                           R"("scheduledStartDateTime":{"dateTime":")" +
                           local_text(now - std::chrono::hours(1), "America/Los_Angeles") +
                           R"(","timeZone":"Pacific Standard Time"},)"
                           R"("scheduledEndDateTime":{"dateTime":")" +
                           local_text(now + std::chrono::hours(1), "America/Los_Angeles") +
                           R"(","timeZone":"Pacific Standard Time"}}})";
  const auto response = graph_patch("/v1.0/me/mailboxSettings", body);
  ASSERT_EQ(response.result_int(), 200) << response.body();
  EXPECT_EQ(um_oof_status(), "true");

  // The same window read as UTC would lie 7-8 hours away and leave OOF off; a window that
  // ended an hour ago in Pacific time must read as off.
  const std::string past = R"({"automaticRepliesSetting":{"status":"scheduled",)"
                           R"("scheduledStartDateTime":{"dateTime":")" +
                           local_text(now - std::chrono::hours(3), "America/Los_Angeles") +
                           R"(","timeZone":"Pacific Standard Time"},)"
                           R"("scheduledEndDateTime":{"dateTime":")" +
                           local_text(now + std::chrono::minutes(30), "America/Los_Angeles") +
                           R"(","timeZone":"America/Los_Angeles"}}})";
  ASSERT_EQ(graph_patch("/v1.0/me/mailboxSettings", past).result_int(), 200);
  EXPECT_EQ(um_oof_status(), "true");
}

TEST_F(CrossFacade, UmDocumentationSetOofStatusGetsTheDocumentedResponse) {
  // The request exactly as the UM web service reference shows it.
  const std::string request =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">\n"
      "  <soap:Body>\n"
      "    <SetOofStatus xmlns=\"http://schemas.microsoft.com/exchange/services/2006/messages\">\n"
      "        <status>true</status>\n"
      "    </SetOofStatus>\n"
      "  </soap:Body>\n"
      "</soap:Envelope>\n";
  const auto response =
      http_call(port(), http::verb::post, "/UnifiedMessaging/Service.asmx",
                {{"Authorization", basic_auth("adele@contoso.com", "Adele-Pa55")},
                 {"Content-Type", "text/xml; charset=utf-8"},
                 {"SOAPAction", "\"http://schemas.microsoft.com/exchange/services/2006/messages/SetOofStatus\""}},
                request);
  ASSERT_EQ(response.result_int(), 200) << response.body();
  EXPECT_EQ(response[http::field::content_type], "text/xml; charset=utf-8");
  EXPECT_EQ(compact_xml(response.body()),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
            "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" "
            "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\">"
            "<soap:Body><SetOofStatusResponse xmlns=\"http://schemas.microsoft.com/exchange/services/2006/messages\"/>"
            "</soap:Body></soap:Envelope>");
  EXPECT_EQ(um_oof_status(), "true");
}

TEST_F(CrossFacade, GraphExampleOnePatchReturnsTheMergedAutomaticRepliesSetting) {
  // Graph "Update user mailbox settings", example 1, with its dates moved into the future.
  ASSERT_EQ(graph_patch("/v1.0/me/mailboxSettings",
                        R"({"automaticRepliesSetting":{"internalReplyMessage":"<html><body>Back soon</body></html>",)"
                        R"("externalAudience":"contactsOnly"}})")
                .result_int(),
            200);
  const auto response = graph_patch("/v1.0/me/mailboxSettings", R"({
    "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#Me/mailboxSettings",
    "automaticRepliesSetting": {
        "status": "Scheduled",
        "scheduledStartDateTime": {"dateTime": "2036-03-20T18:00:00.0000000", "timeZone": "UTC"},
        "scheduledEndDateTime": {"dateTime": "2036-03-28T18:00:00.0000000", "timeZone": "UTC"}
    }
  })");
  ASSERT_EQ(response.result_int(), 200) << response.body();
  const auto json = parse_json(response.body());
  EXPECT_STREQ(
      json["@odata.context"].GetString(),
      "https://graph.microsoft.com/v1.0/$metadata#users('87d349ed-44d7-43e1-9a83-5f2406dee5bd')/mailboxSettings");
  const auto& replies = json["automaticRepliesSetting"];
  EXPECT_STREQ(replies["status"].GetString(), "scheduled");
  EXPECT_STREQ(replies["externalAudience"].GetString(), "contactsOnly");
  EXPECT_STREQ(replies["internalReplyMessage"].GetString(), "<html><body>Back soon</body></html>");
  EXPECT_TRUE(replies.HasMember("externalReplyMessage"));
  EXPECT_STREQ(replies["scheduledStartDateTime"]["dateTime"].GetString(), "2036-03-20T18:00:00.0000000");
  EXPECT_STREQ(replies["scheduledStartDateTime"]["timeZone"].GetString(), "UTC");
  EXPECT_STREQ(replies["scheduledEndDateTime"]["dateTime"].GetString(), "2036-03-28T18:00:00.0000000");
  EXPECT_FALSE(json.HasMember("timeZone")) << "PATCH returns only the properties it was given";
  // Scheduled for the future: the UM view says off until the window opens.
  EXPECT_EQ(um_oof_status(), "false");
}

TEST_F(CrossFacade, EveryWriteSurvivesARestartOnTheSameDataDirectory) {
  ASSERT_EQ(graph_patch("/v1.0/me/mailboxSettings", R"({
    "timeZone": "Pacific Standard Time",
    "dateFormat": "dd.MM.yyyy", "timeFormat": "HH:mm",
    "language": {"locale": "de-DE"},
    "delegateMeetingMessageDeliveryOptions": "sendToDelegateAndPrincipal",
    "workingHours": {"daysOfWeek": ["Monday", "Wednesday"], "startTime": "07:30:00", "endTime": "15:45:00",
                     "timeZone": {"name": "W. Europe Standard Time"}},
    "automaticRepliesSetting": {"status": "alwaysEnabled", "externalAudience": "none",
                                "internalReplyMessage": "inside", "externalReplyMessage": "outside"}
  })")
                .result_int(),
            200);
  ASSERT_EQ(graph_patch("/v1.0/users/alex@contoso.com/mailboxSettings", R"({"timeZone":"Europe/Berlin"})", "app-rw")
                .result_int(),
            200);
  const std::string adele_before = graph_get("/v1.0/me/mailboxSettings").body();
  const std::string alex_before = graph_get("/v1.0/me/mailboxSettings", "alex-rw").body();

  restart();

  EXPECT_EQ(graph_get("/v1.0/me/mailboxSettings").body(), adele_before);
  EXPECT_EQ(graph_get("/v1.0/me/mailboxSettings", "alex-rw").body(), alex_before);
  EXPECT_EQ(um_oof_status(), "true");
  const auto json = parse_json(adele_before);
  EXPECT_STREQ(json["timeZone"].GetString(), "Pacific Standard Time");
  EXPECT_STREQ(json["workingHours"]["startTime"].GetString(), "07:30:00.0000000");
}

TEST_F(CrossFacade, UmWritesOfOneUserDoNotTouchAnother) {
  ASSERT_EQ(um_call(set_oof_status(true), "alex@contoso.com", "Alex-Pa55").result_int(), 200);
  EXPECT_EQ(um_oof_status(), "false");
  const auto json = parse_json(graph_get("/v1.0/me/mailboxSettings", "alex-rw").body());
  EXPECT_STREQ(json["automaticRepliesSetting"]["status"].GetString(), "alwaysEnabled");
}

}  // namespace
}  // namespace oofgate::testing
