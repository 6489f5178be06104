// Checklist §6 items 36-38 and 42 (the settings operations) and the OOF cross-checks against the one model.
#include <chrono>
#include <string>

#include "soap_test_support.h"

namespace oofgate::testing {
namespace {

using namespace std::chrono_literals;

constexpr std::string_view kGetUmProperties =
    R"(<GetUMProperties xmlns="http://schemas.microsoft.com/exchange/services/2006/messages" />)";

std::string um_request(std::string_view operation, std::string_view inner) {
  return soap11_request("<" + std::string(operation) +
                        R"( xmlns="http://schemas.microsoft.com/exchange/services/2006/messages">)" +
                        std::string(inner) + "</" + std::string(operation) + ">");
}

std::string empty_response(std::string_view operation) {
  return soap11_response("<" + std::string(operation) +
                         R"(Response xmlns="http://schemas.microsoft.com/exchange/services/2006/messages" />)");
}

core::DateTimeTimeZoneInput utc(core::LocalDateTime local) {
  return core::DateTimeTimeZoneInput{local, std::nullopt, "UTC"};
}

core::LocalDateTime at_fixture_now(std::chrono::hours offset) {
  return core::LocalDateTime{(fixed_now() + offset).time_since_epoch()};
}

class SoapUmSettings : public SoapFacadeTest {
 protected:
  void patch_replies(core::AutomaticRepliesPatch replies) {
    core::MailboxSettingsPatch patch;
    patch.automatic_replies = std::move(replies);
    SnapshotWaiter waiter;
    core_.service->update(core_.adele(), std::move(patch), waiter.callback());
    ASSERT_TRUE(waiter.get().ok());
  }
};

TEST_F(SoapUmSettings, SetMissedCallNotificationEnabled) {
  expect_soap11(post(um_request("SetMissedCallNotificationEnabled", "<status>false</status>")), http::status::ok,
                empty_response("SetMissedCallNotificationEnabled"));
  EXPECT_FALSE(settings_of(core_.adele()).um.missed_call_notification_enabled);
  const auto get = post(soap11_request(kGetUmProperties));
  EXPECT_NE(get.body().find("<MissedCallNotificationEnabled>false</MissedCallNotificationEnabled>"), std::string::npos);
}

TEST_F(SoapUmSettings, SetMissedCallNotificationEnabledRejectsNonBoolean) {
  expect_soap11(
      post(um_request("SetMissedCallNotificationEnabled", "<status>yes</status>")), http::status::internal_server_error,
      soap11_fault("soap:Client", "The value 'yes' of &lt;status&gt; is not an xs:boolean (true, false, 1 or 0).",
                   "SchemaValidationException"));
  EXPECT_TRUE(settings_of(core_.adele()).um.missed_call_notification_enabled);
}

TEST_F(SoapUmSettings, SetPlayOnPhoneDialString) {
  expect_soap11(post(um_request("SetPlayOnPhoneDialString", "<dialString>+1 (425) 555-0100</dialString>")),
                http::status::ok, empty_response("SetPlayOnPhoneDialString"));
  EXPECT_EQ(settings_of(core_.adele()).um.play_on_phone_dial_string, "+1 (425) 555-0100");
}

TEST_F(SoapUmSettings, SetPlayOnPhoneDialStringRejectsANonNumber) {
  expect_soap11(post(um_request("SetPlayOnPhoneDialString", "<dialString>call me &lt;maybe&gt;</dialString>")),
                http::status::internal_server_error,
                soap11_um_fault("InvalidPhoneNumberException", "The dial string isn't a valid phone number."));
  EXPECT_EQ(settings_of(core_.adele()).um.play_on_phone_dial_string, "");
}

TEST_F(SoapUmSettings, SetTelephoneAccessFolderEmailAcceptsBothDocumentedSpellings) {
  constexpr std::string_view kFolder = "AAAAAGsd2rbQLVtLobUGbrq/9IUBAEX2ikn/L8JJtI5WHI0FAW8AAAFXHhsAAA==";
  expect_soap11(post(um_request("SetTelephoneAccessFolderEmail",
                                "<base64FolderId>" + std::string(kFolder) + "</base64FolderId>")),
                http::status::ok, empty_response("SetTelephoneAccessFolderEmail"));
  EXPECT_EQ(settings_of(core_.adele()).um.telephone_access_folder_email, kFolder);
  expect_soap11(post(um_request("SetTelephoneAccessFolderEmail", "<base64FolderID>QUJDRA==</base64FolderID>")),
                http::status::ok, empty_response("SetTelephoneAccessFolderEmail"));
  EXPECT_EQ(settings_of(core_.adele()).um.telephone_access_folder_email, "QUJDRA==");
}

TEST_F(SoapUmSettings, SetTelephoneAccessFolderEmailRejectsNonBase64) {
  expect_soap11(post(um_request("SetTelephoneAccessFolderEmail", "<base64FolderId>not base64!</base64FolderId>")),
                http::status::internal_server_error,
                soap11_um_fault("InvalidObjectIdException", "The object identifier isn't valid"));
  EXPECT_EQ(settings_of(core_.adele()).um.telephone_access_folder_email, "");
}

TEST_F(SoapUmSettings, GetUmPropertiesShowsEveryStoredValueEscaped) {
  post(um_request("SetPlayOnPhoneDialString", "<dialString>12345</dialString>"));
  post(um_request("SetTelephoneAccessFolderEmail", "<base64FolderId>QUJDRA==</base64FolderId>"));
  post(um_request("SetOofStatus", "<status>true</status>"));
  expect_soap11(
      post(soap11_request(kGetUmProperties)), http::status::ok,
      soap11_response(
          R"(<GetUMPropertiesResponse xmlns="http://schemas.microsoft.com/exchange/services/2006/messages"><GetUMPropertiesResponse><OofStatus>true</OofStatus><MissedCallNotificationEnabled>true</MissedCallNotificationEnabled><PlayOnPhoneDialString>12345</PlayOnPhoneDialString><TelephoneAccessNumbers /><TelephoneAccessFolderEmail>QUJDRA==</TelephoneAccessFolderEmail></GetUMPropertiesResponse></GetUMPropertiesResponse>)"));
}

TEST_F(SoapUmSettings, SetOofStatusFalseKeepsMessagesAudienceAndSchedule) {
  core::AutomaticRepliesPatch replies;
  replies.state = core::OofState::kScheduled;
  replies.external_audience = core::ExternalAudience::kContactsOnly;
  replies.scheduled_start = utc(at_fixture_now(24h));
  replies.scheduled_end = utc(at_fixture_now(48h));
  replies.internal_reply_message = "Away <b>inside</b>";
  replies.external_reply_message = "Away outside";
  patch_replies(std::move(replies));
  const core::AutomaticReplies before = settings_of(core_.adele()).automatic_replies;

  EXPECT_EQ(post(um_request("SetOofStatus", "<status>false</status>")).result(), http::status::ok);

  core::AutomaticReplies expected = before;
  expected.state = core::OofState::kDisabled;
  EXPECT_EQ(settings_of(core_.adele()).automatic_replies, expected);
}

TEST_F(SoapUmSettings, ScheduledWindowAroundNowReadsAsOofOn) {
  core::AutomaticRepliesPatch replies;
  replies.state = core::OofState::kScheduled;
  replies.scheduled_start = utc(at_fixture_now(-1h));
  replies.scheduled_end = utc(at_fixture_now(1h));
  patch_replies(std::move(replies));
  const auto get = post(soap11_request(kGetUmProperties));
  EXPECT_NE(get.body().find("<OofStatus>true</OofStatus>"), std::string::npos) << get.body();
}

TEST_F(SoapUmSettings, ScheduledWindowInTheFutureReadsAsOofOff) {
  core::AutomaticRepliesPatch replies;
  replies.state = core::OofState::kScheduled;
  replies.scheduled_start = utc(at_fixture_now(2h));
  replies.scheduled_end = utc(at_fixture_now(3h));
  patch_replies(std::move(replies));
  const auto get = post(soap11_request(kGetUmProperties));
  EXPECT_NE(get.body().find("<OofStatus>false</OofStatus>"), std::string::npos) << get.body();
}

TEST_F(SoapUmSettings, OofStatusFollowsTheClockForTheSameSnapshot) {
  core::AutomaticRepliesPatch replies;
  replies.state = core::OofState::kScheduled;
  replies.scheduled_start = utc(at_fixture_now(1h));
  replies.scheduled_end = utc(at_fixture_now(2h));
  patch_replies(std::move(replies));
  EXPECT_NE(post(soap11_request(kGetUmProperties)).body().find("<OofStatus>false</OofStatus>"), std::string::npos);
  // The render cache must not pin a clock-dependent answer to the snapshot.
  core_.clock.set(fixed_now() + 90min);
  EXPECT_NE(post(soap11_request(kGetUmProperties)).body().find("<OofStatus>true</OofStatus>"), std::string::npos);
}

TEST_F(SoapUmSettings, GetUmPropertiesKeepsItsBytesInTheSoapSlotsOfTheSnapshot) {
  const auto response = post(soap11_request(kGetUmProperties));
  SnapshotWaiter waiter;
  core_.service->read(core_.adele(), waiter.callback());
  const core::SnapshotPtr snapshot = waiter.get().value();
  const auto cached = snapshot->render_cache.get(8);  // http namespace, OofStatus false
  ASSERT_TRUE(cached);
  EXPECT_NE(response.body().find(*cached), std::string::npos);
  for (std::size_t slot = 0; slot < 8; ++slot) {
    EXPECT_FALSE(snapshot->render_cache.get(slot)) << "slot " << slot << " belongs to REST";
  }
}

}  // namespace
}  // namespace oofgate::testing
