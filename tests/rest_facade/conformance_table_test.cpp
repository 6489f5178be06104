// Data-driven Graph conformance cases: one row per request, numbered after the §10 checklist
// of docs/spec graph-mailboxsettings.md where a row covers an item. Adding a case is one line.
#include <gtest/gtest.h>

#include <utility>
#include <vector>

#include "rest_harness.h"

namespace oofgate::testing {
namespace {

using http::verb;
using Fields = std::vector<std::pair<const char*, std::string>>;  // JSON pointer -> JSON text

struct Case {
  const char* name;
  verb method;
  std::string target;
  Credentials credentials;
  std::string body;
  unsigned status;
  std::string error_code;  // empty for a success
  Fields fields;
  Fields headers = {};  // header name -> exact value
  std::string content_type = "application/json";
};

const std::string kAdele = kAdeleId;
const std::string kAlex = kAlexId;
const std::string kV1 = "https://graph.microsoft.com/v1.0/$metadata#";
const std::string kBeta = "https://graph.microsoft.com/beta/$metadata#";
const std::string kAdeleContext = kV1 + "users('" + kAdele + "')/mailboxSettings";
const std::string kAdeleBetaContext = kBeta + "users('" + kAdele + "')/mailboxSettings";
const std::string kUnreadable =
    "\"Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON "
    "format.\"";

std::string q(const std::string& text) { return "\"" + text + "\""; }

Credentials rw() { return Credentials::bearer("adele-rw"); }
Credentials ro() { return Credentials::bearer("adele-ro"); }
Credentials app() { return Credentials::bearer("app-rw"); }
Credentials app_ro() { return Credentials::bearer("app-ro"); }
Credentials user_read() { return Credentials::bearer("adele-user-read"); }

const std::vector<Case>& cases() {
  static const std::vector<Case> kCases = {
      // Routing, shape and headers.
      {"Item01_GetMe", verb::get, "/v1.0/me/mailboxSettings", rw(), "", 200, "",
       {{"/timeZone", q("UTC")}, {"/userPurpose", q("user")}, {"/language/locale", q("en-US")}}},
      {"Item02_MeContextUsesObjectId", verb::get, "/v1.0/me/mailboxSettings", rw(), "", 200, "",
       {{"/@odata.context", q(kAdeleContext)}}},
      {"Item03_AppById", verb::get, "/v1.0/users/" + kAlex + "/mailboxSettings", app(), "", 200, "",
       {{"/@odata.context", q(kV1 + "users('" + kAlex + "')/mailboxSettings")}}},
      {"Item03_AppReadOnlyById", verb::get, "/v1.0/users/" + kAlex + "/mailboxSettings", app_ro(), "", 200, "", {}},
      {"Item04_ByUpnContextUsesObjectId", verb::get, "/v1.0/users/adele@contoso.com/mailboxSettings", app(), "", 200,
       "", {{"/@odata.context", q(kAdeleContext)}}},
      {"Item04_PercentEncodedUpn", verb::get, "/v1.0/users/adele%40contoso.com/mailboxSettings", app(), "", 200, "",
       {{"/@odata.context", q(kAdeleContext)}}},
      {"Item05_KeySyntaxPascalCase", verb::get, "/v1.0/users('adele@contoso.com')/MailboxSettings", app(), "", 200, "",
       {{"/@odata.context", q(kAdeleContext)}}},
      {"Item05_KeySyntaxPercentEncoded", verb::get, "/v1.0/users(%27ADELE%40contoso.com%27)/mailboxSettings", app(), "",
       200, "", {{"/@odata.context", q(kAdeleContext)}}},
      {"Item06_LowercaseSegment", verb::get, "/v1.0/me/mailboxsettings", rw(), "", 200, "", {}},
      {"Item06_UppercaseVersionAndMe", verb::get, "/V1.0/ME/MAILBOXSETTINGS", rw(), "", 200, "", {}},
      {"Item07_Beta", verb::get, "/beta/me/mailboxSettings", rw(), "", 200, "",
       {{"/@odata.context", q(kAdeleBetaContext)}, {"/userPurpose", q("user")}}},
      {"Item08_AutomaticRepliesSetting", verb::get, "/v1.0/me/mailboxSettings/automaticRepliesSetting", rw(), "", 200,
       "",
       {{"/@odata.context", q(kAdeleContext + "/automaticRepliesSetting")},
        {"/status", q("disabled")},
        {"/externalAudience", q("all")},
        {"/scheduledStartDateTime", R"({"dateTime":"2030-01-15T12:00:00.0000000","timeZone":"UTC"})"}}},
      {"Item09_WorkingHours", verb::get, "/v1.0/me/mailboxSettings/workingHours", rw(), "", 200, "",
       {{"/@odata.context", q(kAdeleContext + "/workingHours")},
        {"/startTime", q("08:00:00.0000000")},
        {"/timeZone", R"({"name":"UTC"})"}}},
      {"Item10_Language", verb::get, "/v1.0/me/mailboxSettings/language", rw(), "", 200, "",
       {{"/@odata.context", q(kAdeleContext + "/language")},
        {"/locale", q("en-US")},
        {"/displayName", q("English (United States)")}}},
      {"Item11_TimeZoneValue", verb::get, "/v1.0/me/mailboxSettings/timeZone", rw(), "", 200, "",
       {{"/@odata.context", q(kAdeleContext + "/timeZone")}, {"/value", q("UTC")}}},
      {"Item12_DateFormat", verb::get, "/v1.0/me/mailboxSettings/dateFormat", rw(), "", 200, "",
       {{"/value", q("M/d/yyyy")}}},
      {"Item12_TimeFormat", verb::get, "/v1.0/me/mailboxSettings/TimeFormat", rw(), "", 200, "",
       {{"/@odata.context", q(kAdeleContext + "/timeFormat")}, {"/value", q("h:mm tt")}}},
      {"Item12_DelegateOptions", verb::get, "/v1.0/me/mailboxSettings/delegateMeetingMessageDeliveryOptions", rw(), "",
       200, "", {{"/value", q("sendToDelegateOnly")}}},
      {"Item13_UserPurpose", verb::get, "/v1.0/users/" + kAdele + "/mailboxSettings/userPurpose", rw(), "", 200, "",
       {{"/@odata.context", q(kAdeleContext + "/userPurpose")}, {"/value", q("user")}}},
      {"Item14_ArchiveFolder", verb::get, "/v1.0/users('adele@contoso.com')/MailboxSettings/ArchiveFolder", app(), "",
       200, "",
       {{"/@odata.context", q(kAdeleContext + "/archiveFolder")},
        {"/value", q("AAMkYoQ7fO4RaDPlt9bSnh-DxlkUUxsRhD2fU7DXbavJAAA=")}}},
      {"Item15_SelectUserPurpose", verb::get, "/v1.0/users/" + kAdele + "/mailboxSettings?$select=userPurpose", app(),
       "", 200, "",
       {{"/@odata.context", q(kAdeleContext + "(userPurpose)")},
        {"/userPurpose", q("user")},
        {"/timeZone", "<absent>"}}},
      {"Item15_SelectTwoCaseInsensitive", verb::get, "/v1.0/me/mailboxSettings?%24select=TimeZone,%20language", rw(),
       "", 200, "",
       {{"/@odata.context", q(kAdeleContext + "(timeZone,language)")},
        {"/timeZone", q("UTC")},
        {"/language/locale", q("en-US")},
        {"/workingHours", "<absent>"}}},
      {"Item15_SelectUnknownProperty", verb::get, "/v1.0/me/mailboxSettings?$select=fooBar", rw(), "", 400,
       "BadRequest",
       {{"/error/message", q("Could not find a property named 'fooBar' on type 'microsoft.graph.mailboxSettings'.")}}},
      {"Item16_UserSelectMailboxSettings", verb::get, "/v1.0/users/" + kAdele + "?$select=mailboxSettings", app(), "",
       200, "",
       {{"/@odata.context", q(kV1 + "users(mailboxSettings)/$entity")},
        {"/mailboxSettings/timeZone", q("UTC")},
        {"/mailboxSettings/workingHours/startTime", q("08:00:00.0000000")},
        {"/id", "<absent>"}}},
      {"Item16_MeSelectIdAndMailboxSettings", verb::get, "/beta/me?$select=id,mailboxSettings", rw(), "", 200, "",
       {{"/@odata.context", q(kBeta + "users(id,mailboxSettings)/$entity")},
        {"/id", q(kAdele)},
        {"/mailboxSettings/userPurpose", q("user")}}},
      {"Item16_UserWithoutSelect", verb::get, "/v1.0/me", rw(), "", 200, "",
       {{"/@odata.context", q(kV1 + "users/$entity")},
        {"/userPrincipalName", q("adele@contoso.com")},
        {"/mailboxSettings", "<absent>"}}},
      {"Item17_UserCollectionWithMailboxSettings", verb::get, "/beta/users?$select=id,mailboxSettings", app(), "", 400,
       "ExplicitTargetMailboxIdShouldNotBeNullOrWhiteSpace", {{"/error/message", q("The Id is invalid.")}}},
      {"Item18_19_Headers", verb::get, "/v1.0/me/mailboxSettings", rw(), "", 200, "", {},
       {{"OData-Version", "4.0"},
        {"Cache-Control", "private"},
        {"Content-Type",
         "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8"}}},

      // Property model and normalisation.
      {"Item22_TimeOfDayEcho", verb::patch, "/v1.0/me/mailboxSettings", rw(),
       R"({"workingHours":{"startTime":"09:00:00","endTime":"17:30:00.5"}})", 200, "",
       {{"/workingHours/startTime", q("09:00:00.0000000")}, {"/workingHours/endTime", q("17:30:00.5000000")}}},
      {"Item23_StatusCamelCase", verb::patch, "/v1.0/me/mailboxSettings", rw(),
       R"({"automaticRepliesSetting":{"status":"Scheduled","externalAudience":"CONTACTSONLY",)"
       R"("scheduledStartDateTime":{"dateTime":"2030-02-01T08:00:00","timeZone":"UTC"},)"
       R"("scheduledEndDateTime":{"dateTime":"2030-02-02T08:00:00.1234567","timeZone":"UTC"}}})",
       200, "",
       {{"/automaticRepliesSetting/status", q("scheduled")},
        {"/automaticRepliesSetting/externalAudience", q("contactsOnly")},
        {"/automaticRepliesSetting/scheduledEndDateTime/dateTime", q("2030-02-02T08:00:00.1234567")}}},
      {"Item24_DaysLowercased", verb::patch, "/v1.0/me/mailboxSettings", rw(),
       R"({"workingHours":{"daysOfWeek":["Monday","FRIDAY"]}})", 200, "",
       {{"/workingHours/daysOfWeek", R"(["monday","friday"])"}}},
      {"Item26_DelegateOnlyMemberEchoed", verb::patch, "/beta/me/mailboxSettings", rw(),
       R"({"delegateMeetingMessageDeliveryOptions":"sendToDelegateAndPrincipal"})", 200, "",
       {{"", R"({"@odata.context":")" + kAdeleBetaContext +
                 R"(","delegateMeetingMessageDeliveryOptions":"sendToDelegateAndPrincipal"})"}}},
      {"Item27_StatusOnlyRendersWholeObject", verb::patch, "/v1.0/me/mailboxSettings", rw(),
       R"({"automaticRepliesSetting":{"status":"alwaysEnabled"}})", 200, "",
       {{"/automaticRepliesSetting/status", q("alwaysEnabled")},
        {"/automaticRepliesSetting/externalAudience", q("all")},
        {"/automaticRepliesSetting/internalReplyMessage", q("")},
        {"/automaticRepliesSetting/scheduledEndDateTime/timeZone", q("UTC")},
        {"/timeZone", "<absent>"}}},
      {"Item30_ODataAnnotationsIgnored", verb::patch, "/v1.0/me/mailboxSettings", rw(),
       R"({"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users('x')/mailboxSettings",)"
       R"("timeZone@odata.type":"#String","dateFormat":"dd.MM.yyyy",)"
       R"("automaticRepliesSetting":{"@odata.type":"microsoft.graph.automaticRepliesSetting","status":"disabled"}})",
       200, "", {{"/dateFormat", q("dd.MM.yyyy")}, {"/automaticRepliesSetting/status", q("disabled")}}},
      {"Item31_IanaZoneKept", verb::patch, "/v1.0/me/mailboxSettings", rw(), R"({"timeZone":"America/Los_Angeles"})",
       200, "", {{"/timeZone", q("America/Los_Angeles")}}},
      {"Item32_WindowsZoneKept", verb::patch, "/v1.0/me/mailboxSettings", rw(), R"({"timeZone":"Pacific Standard Time"})",
       200, "", {{"/timeZone", q("Pacific Standard Time")}}},
      {"Item33_SupportedTimeZonesWindows", verb::get, "/v1.0/me/outlook/supportedTimeZones", rw(), "", 200, "",
       {{"/@odata.context", q(kV1 + "Collection(microsoft.graph.timeZoneInformation)")}}},
      {"Item34_SupportedTimeZonesIana", verb::get,
       "/v1.0/me/outlook/supportedTimeZones(TimeZoneStandard=microsoft.graph.timeZoneStandard'Iana')", rw(), "", 200,
       "", {{"/@odata.context", q(kV1 + "Collection(microsoft.graph.timeZoneInformation)")}}},
      {"Item34_SupportedTimeZonesBadStandard", verb::get,
       "/v1.0/me/outlook/supportedTimeZones(TimeZoneStandard='Martian')", rw(), "", 400, "InvalidArguments", {}},
      {"Item33_SupportedTimeZonesWithUserReadOnly", verb::get, "/v1.0/me/outlook/supportedTimeZones", user_read(), "",
       200, "", {}},
      {"Item35_SupportedLanguages", verb::get, "/v1.0/me/outlook/supportedLanguages", rw(), "", 200, "",
       {{"/@odata.context", q(kV1 + "Collection(microsoft.graph.localeInfo)")},
        {"/value/0/locale", q("af-NA")},
        {"/value/0/displayName", q("Afrikaans (Namibia)")}}},
      {"Item35_SupportedLanguagesFunctionCall", verb::get, "/v1.0/me/outlook/supportedLanguages()", rw(), "", 200, "",
       {{"/@odata.context", q(kV1 + "Collection(microsoft.graph.localeInfo)")}}},
      {"Item35_SupportedLanguagesAppBeta", verb::get, "/beta/users/" + kAlex + "/outlook/supportedLanguages", app_ro(),
       "", 200, "", {{"/@odata.context", q(kBeta + "Collection(microsoft.graph.localeInfo)")}}},
      {"Item35_SupportedLanguagesWithUserReadOnly", verb::get, "/v1.0/me/outlook/supportedLanguages", user_read(), "",
       200, "", {}},
      {"Item35_SupportedLanguagesTakesNoArguments", verb::get, "/v1.0/me/outlook/supportedLanguages(x=1)", rw(), "",
       400, "InvalidArguments", {}},
      {"Item35_SupportedLanguagesOtherUserDelegated", verb::get, "/v1.0/users/" + kAlex + "/outlook/supportedLanguages",
       rw(), "", 403, "ErrorAccessDenied", {}},

      // language: displayName comes from the CLDR catalogue; unknown locales are refused.
      {"Extra_LanguageDisplayNameDerived", verb::patch, "/v1.0/me/mailboxSettings", rw(),
       R"({"language":{"locale":"fr-FR"}})", 200, "",
       {{"/language/locale", q("fr-FR")}, {"/language/displayName", q("French (France)")}}},
      {"Extra_LanguageThreePartTag", verb::patch, "/v1.0/me/mailboxSettings", rw(),
       R"({"language":{"locale":"zh-Hans-CN"}})", 200, "",
       {{"/language/displayName", q("Chinese (Simplified, China)")}}},
      {"Extra_LanguageTagCaseIsCanonicalised", verb::patch, "/v1.0/me/mailboxSettings", rw(),
       R"({"language":{"locale":"de-de"}})", 200, "",
       {{"/language/locale", q("de-DE")}, {"/language/displayName", q("German (Germany)")}}},
      {"Extra_LanguageDisplayNameInPatchIgnored", verb::patch, "/v1.0/me/mailboxSettings", rw(),
       R"({"language":{"locale":"fr-CA","displayName":"Quebecois"}})", 200, "",
       {{"/language/displayName", q("French (Canada)")}}},
      {"Extra_LanguageUnknownLocale", verb::patch, "/v1.0/me/mailboxSettings", rw(),
       R"({"language":{"locale":"xx-YY"}})", 400, "InvalidArguments",
       {{"/error/message",
         q("The locale 'xx-YY' is not supported. GET outlook/supportedLanguages lists the supported ones.")}}},
      {"Extra_LanguageLanguageOnlyTagNotOffered", verb::patch, "/v1.0/me/mailboxSettings", rw(),
       R"({"language":{"locale":"fr"}})", 400, "InvalidArguments", {}},
      {"Extra_LanguageMalformedLocale", verb::patch, "/v1.0/me/mailboxSettings", rw(),
       R"({"language":{"locale":"French!"}})", 400, "InvalidArguments",
       {{"/error/message", q("The locale 'French!' is not valid.")}}},

      // User.Read alone reaches the profile, not the mailbox settings.
      {"Extra_UserReadGetsUser", verb::get, "/v1.0/users/" + kAdele, user_read(), "", 200, "",
       {{"/id", q(kAdele)}}},
      {"Extra_UserReadCannotSelectMailboxSettings", verb::get, "/v1.0/users/" + kAdele + "?$select=mailboxSettings",
       user_read(), "", 403, "ErrorAccessDenied", {}},
      {"Extra_UserReadCannotGetMailboxSettings", verb::get, "/v1.0/me/mailboxSettings", user_read(), "", 403,
       "ErrorAccessDenied", {}},

      // Validation errors (PATCH).
      {"Item36_BadTimeOfDayLiteral", verb::patch, "/v1.0/me/mailboxSettings", rw(),
       R"({"workingHours":{"startTime":"08"}})", 400, "RequestBodyRead",
       {{"/error/message", q("Cannot convert the literal '08' to the expected type 'Edm.TimeOfDay'.")}}},
      {"Item37_StartAfterEnd", verb::patch, "/v1.0/me/mailboxSettings", rw(),
       R"({"workingHours":{"startTime":"18:00:00","endTime":"09:00:00"}})", 400, "ErrorInvalidTimeSettings",
       {{"/error/message", q("Start Time should occur before End Time.")}}},
      {"Item38_RandomDay", verb::patch, "/v1.0/me/mailboxSettings", rw(),
       R"({"workingHours":{"daysOfWeek":["Monday","RandomDay"]}})", 400, "InvalidArguments",
       {{"/error/message", q("Requested value 'RandomDay' was not found.")}}},
      {"Item39_UnknownWorkingHoursZone", verb::patch, "/v1.0/me/mailboxSettings", rw(),
       R"({"workingHours":{"timeZone":{"name":"Mars Standard Time"}}})", 400, "InvalidTimeZone",
       {{"/error/message", q("Time Zone settings provided are invalid.")}}},
      {"Item39_CustomZoneOutOfRange", verb::patch, "/v1.0/me/mailboxSettings", rw(),
       R"({"workingHours":{"timeZone":{"@odata.type":"#microsoft.graph.customTimeZone","bias":5000}}})", 400,
       "InvalidTimeZone", {}},
      {"Item40_UnknownTopLevelZone", verb::patch, "/v1.0/me/mailboxSettings", rw(), R"({"timeZone":"Not/AZone"})", 400,
       "InvalidTimeZone", {}},
      {"Item41_EmptyBody", verb::patch, "/v1.0/me/mailboxSettings", rw(), "", 400, "BadRequest",
       {{"/error/message", q("Empty Payload. JSON content expected.")}}},
      {"Item42_TruncatedJson", verb::patch, "/v1.0/me/mailboxSettings", rw(), R"({"timeZone":)", 400, "BadRequest",
       {{"/error/message", kUnreadable}}},
      {"Item42_TrailingGarbage", verb::patch, "/v1.0/me/mailboxSettings", rw(), R"({"timeZone":"UTC"} x)", 400,
       "BadRequest", {{"/error/message", kUnreadable}}},
      {"Item43_NoContentType", verb::patch, "/v1.0/me/mailboxSettings", rw(), R"({"timeZone":"UTC"})", 400,
       "BadRequest", {{"/error/message", kUnreadable}}, {}, ""},
      {"Item43_NonJsonContentType", verb::patch, "/v1.0/me/mailboxSettings", rw(), R"({"timeZone":"UTC"})", 400,
       "BadRequest", {{"/error/message", kUnreadable}}, {}, "text/plain"},
      {"Item43_JsonContentTypeWithParameters", verb::patch, "/v1.0/me/mailboxSettings", rw(), R"({"timeZone":"UTC"})",
       200, "", {}, {}, "Application/JSON; charset=utf-8"},
      {"Item44_PrimitiveForComplex", verb::patch, "/v1.0/me/mailboxSettings", rw(),
       R"({"automaticRepliesSetting":"on"})", 400, "RequestBodyRead",
       {{"/error/message", q("An unexpected 'PrimitiveValue' node was found when reading from the JSON reader. A "
                             "'StartObject' node was expected.")}}},
      {"Item44_ArrayForBody", verb::patch, "/v1.0/me/mailboxSettings", rw(), R"([1])", 400, "RequestBodyRead",
       {{"/error/message", q("An unexpected 'StartArray' node was found when reading from the JSON reader. A "
                             "'StartObject' node was expected.")}}},
      {"Item45_UnknownProperty", verb::patch, "/v1.0/me/mailboxSettings", rw(), R"({"fooBar":1})", 400,
       "RequestBodyRead",
       {{"/error/message", q("The property 'fooBar' does not exist on type 'microsoft.graph.mailboxSettings'. Make "
                             "sure to only use property names that are defined by the type or mark the type as open "
                             "type.")}}},
      {"Item45_UnknownNestedProperty", verb::patch, "/v1.0/me/mailboxSettings", rw(),
       R"({"workingHours":{"lunchBreak":"12:00:00"}})", 400, "RequestBodyRead",
       {{"/error/message", q("The property 'lunchBreak' does not exist on type 'microsoft.graph.workingHours'. Make "
                             "sure to only use property names that are defined by the type or mark the type as open "
                             "type.")}}},
      {"Item46_BadStatusEnum", verb::patch, "/v1.0/me/mailboxSettings", rw(),
       R"({"automaticRepliesSetting":{"status":"sometimes"}})", 400, "InvalidArguments",
       {{"/error/message", q("Requested value 'sometimes' was not found.")}}},
      {"Item46_BadDelegateEnum", verb::patch, "/v1.0/me/mailboxSettings", rw(),
       R"({"delegateMeetingMessageDeliveryOptions":"nobody"})", 400, "InvalidArguments", {}},
      {"Item47_NumberForTimeOfDay", verb::patch, "/v1.0/me/mailboxSettings", rw(),
       R"({"workingHours":{"startTime":9}})", 400, "RequestBodyRead",
       {{"/error/message", q("Cannot convert a primitive value to the expected type 'Edm.TimeOfDay'. See the inner "
                             "exception for more details.")}}},
      {"Item47_ObjectForString", verb::patch, "/v1.0/me/mailboxSettings", rw(), R"({"timeZone":{"name":"UTC"}})", 400,
       "RequestBodyRead", {}},
      {"Item47_NullForString", verb::patch, "/v1.0/me/mailboxSettings", rw(), R"({"timeZone":null})", 400,
       "RequestBodyRead", {}},
      {"Item47_DuplicateProperty", verb::patch, "/v1.0/me/mailboxSettings", rw(),
       R"({"timeZone":"UTC","TimeZone":"UTC"})", 400, "RequestBodyRead",
       {{"/error/message", q("Duplicate property named 'TimeZone' was found.")}}},
      {"Item47_BadDateTimeLiteral", verb::patch, "/v1.0/me/mailboxSettings", rw(),
       R"({"automaticRepliesSetting":{"scheduledStartDateTime":{"dateTime":"2030-02-30T00:00:00","timeZone":"UTC"}}})",
       400, "RequestBodyRead", {}},
      {"Item47_EightFractionDigits", verb::patch, "/v1.0/me/mailboxSettings", rw(),
       R"({"automaticRepliesSetting":{"scheduledStartDateTime":{"dateTime":"2030-02-01T00:00:00.12345678"}}})", 400,
       "RequestBodyRead", {}},
      {"Item48_ScheduledInPast", verb::patch, "/v1.0/me/mailboxSettings", rw(),
       R"({"automaticRepliesSetting":{"status":"scheduled",)"
       R"("scheduledStartDateTime":{"dateTime":"2029-01-01T00:00:00","timeZone":"UTC"},)"
       R"("scheduledEndDateTime":{"dateTime":"2029-01-02T00:00:00","timeZone":"UTC"}}})",
       400, "ErrorInvalidScheduledOofDuration",
       {{"/error/message", q("The scheduled duration for sending automatic replies isn't valid.")}}},
      {"Item48_ScheduledEndBeforeStart", verb::patch, "/v1.0/me/mailboxSettings", rw(),
       R"({"automaticRepliesSetting":{"status":"scheduled",)"
       R"("scheduledStartDateTime":{"dateTime":"2030-03-02T00:00:00","timeZone":"UTC"},)"
       R"("scheduledEndDateTime":{"dateTime":"2030-03-01T00:00:00","timeZone":"UTC"}}})",
       400, "ErrorInvalidScheduledOofDuration", {}},
      {"Item49_ReadOnlyMembersIgnored", verb::patch, "/v1.0/me/mailboxSettings", rw(),
       R"({"userPurpose":"shared","archiveFolder":"x"})", 200, "",
       {{"/userPurpose", q("user")}, {"/archiveFolder", q("AAMkYoQ7fO4RaDPlt9bSnh-DxlkUUxsRhD2fU7DXbavJAAA=")}}},

      // Auth, permissions, identity.
      {"Item50_NoToken", verb::get, "/v1.0/me/mailboxSettings", Credentials::none(), "", 401,
       "InvalidAuthenticationToken", {{"/error/message", q("Access token is empty.")}}},
      {"Item51_GarbageToken", verb::get, "/v1.0/me/mailboxSettings", Credentials::bearer("garbage"), "", 401,
       "InvalidAuthenticationToken",
       {{"/error/message", q("CompactToken parsing failed with error code: 80049217")}}},
      {"Item52_BasicNotAccepted", verb::get, "/v1.0/me/mailboxSettings", Credentials::basic_adele(), "", 401,
       "InvalidAuthenticationToken", {}},
      {"Item53_AppOnMe", verb::get, "/v1.0/me/mailboxSettings", app(), "", 400, "BadRequest",
       {{"/error/message", q("/me request is only valid with delegated authentication flow.")}}},
      {"Item54_DelegatedOtherUser", verb::get, "/v1.0/users/" + kAlex + "/mailboxSettings", rw(), "", 403,
       "ErrorAccessDenied", {{"/error/message", q("Access is denied. Check credentials and try again.")}}},
      {"Item55_DelegatedSelfById", verb::get, "/v1.0/users/" + kAdele + "/mailboxSettings", ro(), "", 200, "", {}},
      {"Item56_ReadOnlyScopePatch", verb::patch, "/v1.0/me/mailboxSettings", ro(), R"({"timeZone":"UTC"})", 403,
       "ErrorAccessDenied", {}},
      {"Item56_ReadOnlyAppPatch", verb::patch, "/v1.0/users/" + kAlex + "/mailboxSettings", app_ro(),
       R"({"timeZone":"UTC"})", 403, "ErrorAccessDenied", {}},
      {"Item57_AppPatchById", verb::patch, "/v1.0/users/" + kAlex + "/mailboxSettings", app(),
       R"({"dateFormat":"yyyy-MM-dd"})", 200, "",
       {{"/@odata.context", q(kV1 + "users('" + kAlex + "')/mailboxSettings")}, {"/dateFormat", q("yyyy-MM-dd")}}},
      {"Item58_UnknownUser", verb::get, "/v1.0/users/nobody@contoso.com/mailboxSettings", app(), "", 404,
       "ErrorInvalidUser", {{"/error/message", q("The requested user 'nobody@contoso.com' is invalid.")}}},
      {"Item60_MissingUsersSegment", verb::get, "/v1.0/adele@contoso.com/mailboxsettings", rw(), "", 400, "BadRequest",
       {{"/error/message", q("Resource not found for the segment 'adele@contoso.com'.")}}},
      {"Item60_UnknownPropertySegment", verb::get, "/v1.0/me/mailboxSettings/fooBar", rw(), "", 400, "BadRequest",
       {{"/error/message", q("Resource not found for the segment 'fooBar'.")}}},
      {"Item60_UnknownVersion", verb::get, "/v2.0/me/mailboxSettings", rw(), "", 400, "BadRequest",
       {{"/error/message", q("Resource not found for the segment 'v2.0'.")}}},

      // Methods.
      {"Item61_Delete", verb::delete_, "/v1.0/me/mailboxSettings", rw(), "", 405, "MethodNotAllowed", {},
       {{"Allow", "GET, PATCH"}}},
      {"Item62_Post", verb::post, "/v1.0/me/mailboxSettings", rw(), R"({"timeZone":"UTC"})", 405, "MethodNotAllowed",
       {}, {{"Allow", "GET, PATCH"}}},
      {"Item62_Put", verb::put, "/v1.0/users/" + kAdele + "/mailboxSettings", rw(), R"({"timeZone":"UTC"})", 405,
       "MethodNotAllowed", {}, {{"Allow", "GET, PATCH"}}},
      {"Item62_PatchPropertyPath", verb::patch, "/v1.0/me/mailboxSettings/timeZone", rw(), R"({"value":"UTC"})", 405,
       "MethodNotAllowed", {}, {{"Allow", "GET"}}},
      {"Item63_PatchUserNestedMailboxSettings", verb::patch, "/v1.0/users/" + kAdele, rw(),
       R"({"mailboxSettings":{"timeZone":"UTC"}})", 400, "ErrorInvalidRequest",
       {{"/error/message", q("The OData request is not supported.")}}},

      // Media-type routing.
      {"Extra_JsonToSoapPath", verb::post, "/UnifiedMessaging/Service.asmx", rw(), R"({"a":1})", 415,
       "UnsupportedMediaType", {}},
  };
  return kCases;
}

// Keeps gtest from dumping the struct's bytes when a case fails.
void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

class Conformance : public ::testing::TestWithParam<Case> {};

TEST_P(Conformance, Responds) {
  const Case& c = GetParam();
  RestHarness h;
  const auto response = h.call({c.method, c.target, c.credentials, c.body, c.content_type, ""});
  EXPECT_EQ(response.result_int(), c.status) << response.body();
  const auto document = parse_json(response.body());
  ASSERT_FALSE(document.HasParseError()) << response.body();
  if (c.error_code.empty()) {
    EXPECT_FALSE(document.HasMember("error")) << response.body();
  } else {
    EXPECT_EQ(json_at(document, "/error/code"), "\"" + c.error_code + "\"") << response.body();
  }
  for (const auto& [pointer, expected] : c.fields) {
    EXPECT_EQ(json_at(document, pointer), expected) << "at " << pointer << " in " << response.body();
  }
  for (const auto& [name, expected] : c.headers) {
    EXPECT_EQ(header(response, name), expected) << name;
  }
  // Items 18-20 hold for every response, success or error.
  expect_graph_headers(response);
  if (!c.error_code.empty()) {
    expect_error_envelope(response, document);
  }
  if (c.status == 401) {
    EXPECT_EQ(header(response, "WWW-Authenticate").rfind("Bearer ", 0), 0U);
  }
}

INSTANTIATE_TEST_SUITE_P(Graph, Conformance, ::testing::ValuesIn(cases()),
                         [](const ::testing::TestParamInfo<Case>& param_info) { return std::string(param_info.param.name); });

}  // namespace
}  // namespace oofgate::testing
