// EWS GetUserOofSettings / SetUserOofSettings (spec §2, checklist §6 items 13-31): exact bytes in and out.
#include <string>

#include "ews_test_support.h"

namespace oofgate::testing {
namespace {

using namespace std::chrono_literals;

// The fixture's clock is 2030-01-15T12:00:00Z; a fresh mailbox's window is the next 24 hours.
constexpr std::string_view kDefaultStart = "2030-01-15T12:00:00Z";
constexpr std::string_view kDefaultEnd = "2030-01-16T12:00:00Z";

class EwsOof : public SoapFacadeTest {
 protected:
  soap::HttpResponse ews(std::string body, std::optional<core::Caller> caller = std::nullopt,
                         std::optional<std::string_view> action = std::nullopt) {
    return post(std::move(body), caller, kEwsPath, kSoap11Type, action);
  }
  const core::AutomaticReplies& stored() {
    replies_ = settings_of(core_.adele()).automatic_replies;
    return replies_;
  }
  void enable_with_messages(std::string_view audience) {
    ASSERT_EQ(
        ews(set_oof_request(kAdeleUpn, "<t:OofState>Enabled</t:OofState><t:ExternalAudience>" + std::string(audience) +
                                           "</t:ExternalAudience>"
                                           "<t:InternalReply><t:Message>inside</t:Message></t:InternalReply>"
                                           "<t:ExternalReply><t:Message>outside</t:Message></t:ExternalReply>"))
            .result(),
        http::status::ok);
  }
  core::AutomaticReplies replies_;
};

TEST_F(EwsOof, GetOfAFreshMailboxHasEveryElementInOrder) {
  expect_soap11(ews(get_oof_request(kAdeleUpn)), http::status::ok,
                ews_success("GetUserOofSettings", oof_settings("Disabled", "All", kDefaultStart, kDefaultEnd, "", "")));
}

TEST_F(EwsOof, SetScheduledConvertsOffsetsAndReadsBackInUtc) {
  expect_soap11(
      ews(set_oof_request(kAdeleUpn,
                          "<t:OofState>Scheduled</t:OofState><t:ExternalAudience>Known</t:ExternalAudience>"
                          "<t:Duration><t:StartTime>2030-02-01T10:00:00+02:00</t:StartTime>"
                          "<t:EndTime>2030-02-08T00:00:00Z</t:EndTime></t:Duration>"
                          "<t:InternalReply><t:Message>In &amp; out</t:Message></t:InternalReply>"
                          "<t:ExternalReply xml:lang=\"en-US\"><t:Message>Away</t:Message></t:ExternalReply>")),
      http::status::ok, ews_success("SetUserOofSettings"));
  EXPECT_EQ(stored().state, core::OofState::kScheduled);
  EXPECT_EQ(replies_.external_audience, core::ExternalAudience::kContactsOnly);
  expect_soap11(ews(get_oof_request(kAdeleUpn)), http::status::ok,
                ews_success("GetUserOofSettings", oof_settings("Scheduled", "Known", "2030-02-01T08:00:00Z",
                                                               "2030-02-08T00:00:00Z", "In &amp; out", "Away")));
}

TEST_F(EwsOof, TimesWithoutOffsetAreUtc) {
  expect_soap11(ews(set_oof_request(kAdeleUpn,
                                    "<t:OofState>Scheduled</t:OofState>"
                                    "<t:ExternalAudience>All</t:ExternalAudience><t:Duration>"
                                    "<t:StartTime>2030-03-01T09:30:00</t:StartTime>"
                                    "<t:EndTime>2030-03-02T09:30:00.5</t:EndTime></t:Duration>")),
                http::status::ok, ews_success("SetUserOofSettings"));
  expect_soap11(ews(get_oof_request(kAdeleUpn)), http::status::ok,
                ews_success("GetUserOofSettings",
                            oof_settings("Scheduled", "All", "2030-03-01T09:30:00Z", "2030-03-02T09:30:00Z", "", "")));
}

// A Graph window stored in Pacific Standard Time across the 2030-03-10 DST change reads back in
// EWS as the right UTC instants: -08:00 before, -07:00 after.
TEST_F(EwsOof, PacificWindowAcrossDstReadsBackAsUtcInstants) {
  core::MailboxSettingsPatch patch;
  patch.automatic_replies = core::AutomaticRepliesPatch{};
  patch.automatic_replies->state = core::OofState::kScheduled;
  const auto local = [](date::sys_days day, std::chrono::hours hour) {
    return core::DateTimeTimeZoneInput{core::LocalDateTime{(day + hour).time_since_epoch()}, std::nullopt,
                                       "Pacific Standard Time"};
  };
  patch.automatic_replies->scheduled_start = local(date::sys_days{date::year{2030} / 3 / 9}, 10h);
  patch.automatic_replies->scheduled_end = local(date::sys_days{date::year{2030} / 3 / 11}, 10h);
  SnapshotWaiter waiter;
  core_.service->update(core_.adele(), std::move(patch), waiter.callback());
  ASSERT_TRUE(waiter.get().ok());
  expect_soap11(ews(get_oof_request(kAdeleUpn)), http::status::ok,
                ews_success("GetUserOofSettings",
                            oof_settings("Scheduled", "All", "2030-03-09T18:00:00Z", "2030-03-11T17:00:00Z", "", "")));
}

TEST_F(EwsOof, SetThatOmitsOptionalPartsKeepsWhatIsStored) {
  enable_with_messages("None");
  expect_soap11(
      ews(set_oof_request(kAdeleUpn, "<t:OofState>Enabled</t:OofState><t:ExternalAudience>All</t:ExternalAudience>")),
      http::status::ok, ews_success("SetUserOofSettings"));
  expect_soap11(ews(get_oof_request(kAdeleUpn)), http::status::ok,
                ews_success("GetUserOofSettings",
                            oof_settings("Enabled", "All", kDefaultStart, kDefaultEnd, "inside", "outside")));
}

TEST_F(EwsOof, DisabledWithEmptyMessagesKeepsTheStoredMessages) {
  enable_with_messages("All");
  expect_soap11(ews(set_oof_request(kAdeleUpn,
                                    "<t:OofState>Disabled</t:OofState><t:ExternalAudience>All</t:ExternalAudience>"
                                    "<t:InternalReply><t:Message></t:Message></t:InternalReply>"
                                    "<t:ExternalReply><t:Message/></t:ExternalReply>")),
                http::status::ok, ews_success("SetUserOofSettings"));
  EXPECT_EQ(stored().state, core::OofState::kDisabled);
  EXPECT_EQ(replies_.internal_reply_message, "inside");
  EXPECT_EQ(replies_.external_reply_message, "outside");
}

TEST_F(EwsOof, EndBeforeStartIsInvalidScheduledOofDurationAndChangesNothing) {
  expect_soap11(ews(set_oof_request(kAdeleUpn,
                                    "<t:OofState>Scheduled</t:OofState><t:ExternalAudience>All</t:ExternalAudience>"
                                    "<t:Duration><t:StartTime>2030-02-08T00:00:00Z</t:StartTime>"
                                    "<t:EndTime>2030-02-01T00:00:00Z</t:EndTime></t:Duration>"
                                    "<t:InternalReply><t:Message>x</t:Message></t:InternalReply>")),
                http::status::ok,
                ews_error("SetUserOofSettings", "ErrorInvalidScheduledOofDuration",
                          "The scheduled duration for sending automatic replies isn't valid."));
  EXPECT_EQ(stored().state, core::OofState::kDisabled);
  EXPECT_EQ(replies_.internal_reply_message, "");
}

TEST_F(EwsOof, WindowInThePastIsInvalidScheduledOofDuration) {
  expect_soap11(ews(set_oof_request(kAdeleUpn,
                                    "<t:OofState>Scheduled</t:OofState><t:ExternalAudience>All</t:ExternalAudience>"
                                    "<t:Duration><t:StartTime>2020-02-01T00:00:00Z</t:StartTime>"
                                    "<t:EndTime>2020-02-08T00:00:00Z</t:EndTime></t:Duration>")),
                http::status::ok,
                ews_error("SetUserOofSettings", "ErrorInvalidScheduledOofDuration",
                          "The scheduled duration for sending automatic replies isn't valid."));
}

// Three CDATA sections, each under the XML text limit, make a message over the core's 128 KiB:
// the core's validation (not a second one in EWS) refuses it, as ErrorInvalidOofParameter.
TEST_F(EwsOof, MessageTooLongForTheCoreIsInvalidOofParameterAndChangesNothing) {
  const std::string part = "<![CDATA[" + std::string(50000, 'x') + "]]>";
  expect_soap11(ews(set_oof_request(kAdeleUpn,
                                    "<t:OofState>Enabled</t:OofState><t:ExternalAudience>All</t:ExternalAudience>"
                                    "<t:InternalReply><t:Message>" +
                                        part + part + part + "</t:Message></t:InternalReply>")),
                http::status::ok,
                ews_error("SetUserOofSettings", "ErrorInvalidOofParameter", "The reply message is too long."));
  EXPECT_EQ(stored().state, core::OofState::kDisabled);
}

TEST_F(EwsOof, UnknownEnumValueIsASchemaFaultAndChangesNothing) {
  expect_soap11(ews(set_oof_request(
                    kAdeleUpn, "<t:OofState>Enabled</t:OofState><t:ExternalAudience>Everyone</t:ExternalAudience>")),
                http::status::internal_server_error,
                ews_fault("soap:Client", "ErrorSchemaValidation",
                          "The value 'Everyone' of &lt;ExternalAudience&gt; is not one the schema allows."));
  EXPECT_EQ(stored().state, core::OofState::kDisabled);
}

TEST_F(EwsOof, MissingOofStateIsASchemaFault) {
  expect_soap11(ews(set_oof_request(kAdeleUpn, "<t:ExternalAudience>All</t:ExternalAudience>")),
                http::status::internal_server_error,
                ews_fault("soap:Client", "ErrorSchemaValidation", "The required element &lt;OofState&gt; is missing."));
}

TEST_F(EwsOof, MissingUserOofSettingsIsASchemaFault) {
  expect_soap11(
      ews(ews_request("<m:SetUserOofSettingsRequest>" + ews_mailbox(kAdeleUpn) + "</m:SetUserOofSettingsRequest>")),
      http::status::internal_server_error,
      ews_fault("soap:Client", "ErrorSchemaValidation", "The required element &lt;UserOofSettings&gt; is missing."));
}

TEST_F(EwsOof, SettingsInTheWrongNamespaceAreASchemaFault) {
  expect_soap11(ews(ews_request("<m:SetUserOofSettingsRequest>" + ews_mailbox(kAdeleUpn) +
                                "<m:UserOofSettings><t:OofState>Enabled</t:OofState></m:UserOofSettings>"
                                "</m:SetUserOofSettingsRequest>")),
                http::status::internal_server_error,
                ews_fault("soap:Client", "ErrorSchemaValidation",
                          "The element &lt;UserOofSettings&gt; is not a parameter of SetUserOofSettingsRequest."));
}

TEST_F(EwsOof, RepeatedElementIsASchemaFault) {
  expect_soap11(
      ews(set_oof_request(kAdeleUpn,
                          "<t:OofState>Enabled</t:OofState><t:OofState>Disabled</t:OofState>"
                          "<t:ExternalAudience>All</t:ExternalAudience>")),
      http::status::internal_server_error,
      ews_fault("soap:Client", "ErrorSchemaValidation", "The element &lt;OofState&gt; appears more than once."));
}

TEST_F(EwsOof, MalformedDateTimeIsASchemaFault) {
  expect_soap11(
      ews(set_oof_request(kAdeleUpn,
                          "<t:OofState>Scheduled</t:OofState><t:ExternalAudience>All</t:ExternalAudience>"
                          "<t:Duration><t:StartTime>tomorrow</t:StartTime>"
                          "<t:EndTime>2030-02-01T00:00:00Z</t:EndTime></t:Duration>")),
      http::status::internal_server_error,
      ews_fault("soap:Client", "ErrorSchemaValidation",
                "The value 'tomorrow' of &lt;StartTime&gt; is not an xs:dateTime between years 0001 and 9999."));
}

TEST_F(EwsOof, HugeMessageIsRefusedWholeByTheXmlLimits) {
  const std::string huge(70000, 'x');
  const auto response =
      ews(set_oof_request(kAdeleUpn,
                          "<t:OofState>Enabled</t:OofState><t:ExternalAudience>All</t:ExternalAudience>"
                          "<t:InternalReply><t:Message>" +
                              huge + "</t:Message></t:InternalReply>"));
  EXPECT_EQ(response.result(), http::status::internal_server_error);
  EXPECT_NE(response.body().find("<e:ResponseCode xmlns:e=\"http://schemas.microsoft.com/exchange/services/2006/"
                                 "errors\">ErrorSchemaValidation</e:ResponseCode>"),
            std::string::npos);
  EXPECT_NE(response.body().find("<t:ServerVersionInfo "), std::string::npos);
  EXPECT_EQ(stored().state, core::OofState::kDisabled);
}

TEST_F(EwsOof, AnotherUsersMailboxIsTheMsOxwoofAccessDeniedFault) {
  const std::string reason = "Microsoft.Exchange.Data.Storage.AccessDeniedException: User is not mailbox owner.";
  const std::string errors = R"(xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors")";
  const std::string expected = ews_envelope(
      "<soap:Fault><faultcode>soap:Client</faultcode><faultstring>" + reason +
      "</faultstring><faultactor>http://localhost/EWS/Exchange.asmx</faultactor><detail><e:ResponseCode " + errors +
      ">ErrorAccessDenied</e:ResponseCode><e:Message " + errors + ">" + reason +
      R"(</e:Message><ErrorCode xmlns="http://schemas.microsoft.com/exchange/services/2006/messages">-2146233088</ErrorCode></detail></soap:Fault>)");
  expect_soap11(ews(get_oof_request(kAlexUpn)), http::status::internal_server_error, expected);
  expect_soap11(
      ews(set_oof_request(kAlexUpn, "<t:OofState>Enabled</t:OofState><t:ExternalAudience>All</t:ExternalAudience>")),
      http::status::internal_server_error, expected);
  EXPECT_EQ(settings_of(core_.alex()).automatic_replies.state, core::OofState::kDisabled);
}

TEST_F(EwsOof, ApplicationTokenActsOnAnyMailbox) {
  expect_soap11(
      ews(set_oof_request(kAlexUpn, "<t:OofState>Enabled</t:OofState><t:ExternalAudience>All</t:ExternalAudience>"),
          bearer("app-rw")),
      http::status::ok, ews_success("SetUserOofSettings"));
  EXPECT_EQ(settings_of(core_.alex()).automatic_replies.state, core::OofState::kAlwaysEnabled);
}

TEST_F(EwsOof, ReadOnlyTokenCannotSet) {
  expect_soap11(
      ews(set_oof_request(kAdeleUpn, "<t:OofState>Enabled</t:OofState><t:ExternalAudience>All</t:ExternalAudience>"),
          bearer("adele-ro")),
      http::status::ok,
      ews_error("SetUserOofSettings", "ErrorAccessDenied", "Access is denied. Check credentials and try again."));
  EXPECT_EQ(stored().state, core::OofState::kDisabled);
}

TEST_F(EwsOof, UnknownMailboxIsErrorNonExistentMailbox) {
  const std::string expected =
      ews_error("GetUserOofSettings", "ErrorNonExistentMailbox", "No mailbox with such guid or address exists.");
  expect_soap11(ews(get_oof_request("nobody@contoso.com"), bearer("app-rw")), http::status::ok, expected);
  expect_soap11(ews(get_oof_request("nobody@contoso.com")), http::status::ok, expected);
}

TEST_F(EwsOof, EmptyAddressIsErrorMissingEmailAddress) {
  expect_soap11(ews(get_oof_request("  ")), http::status::ok,
                ews_error("GetUserOofSettings", "ErrorMissingEmailAddress", "The Mailbox has no email address."));
}

}  // namespace
}  // namespace oofgate::testing
