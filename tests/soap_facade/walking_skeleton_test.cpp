// Checklist §6 items 35-37, 40, 43, 44 and the HTTP edges of the UM endpoints.
#include "soap_test_support.h"

namespace oofgate::testing {
namespace {

constexpr std::string_view kIsUmEnabled =
    R"(<IsUMEnabled xmlns="http://schemas.microsoft.com/exchange/services/2006/messages" />)";
constexpr std::string_view kGetUmProperties =
    R"(<GetUMProperties xmlns="http://schemas.microsoft.com/exchange/services/2006/messages" />)";

std::string set_oof_status(std::string_view value) {
  return R"(<SetOofStatus xmlns="http://schemas.microsoft.com/exchange/services/2006/messages"><status>)" +
         std::string(value) + "</status></SetOofStatus>";
}

using SoapWalkingSkeleton = SoapFacadeTest;

TEST_F(SoapWalkingSkeleton, IsUmEnabledAnswersTheDocumentedBytes) {
  const auto response = post(soap11_request(kIsUmEnabled));
  expect_soap11(
      response, http::status::ok,
      R"(<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><soap:Body><IsUMEnabledResponse xmlns="http://schemas.microsoft.com/exchange/services/2006/messages"><IsUMEnabledResponse>true</IsUMEnabledResponse></IsUMEnabledResponse></soap:Body></soap:Envelope>)");
}

TEST_F(SoapWalkingSkeleton, IsUmEnabledIsFalseForAUserWithoutUm) {
  const auto response = post(soap11_request(kIsUmEnabled), basic(core_.no_um_user()));
  expect_soap11(
      response, http::status::ok,
      soap11_response(
          R"(<IsUMEnabledResponse xmlns="http://schemas.microsoft.com/exchange/services/2006/messages"><IsUMEnabledResponse>false</IsUMEnabledResponse></IsUMEnabledResponse>)"));
}

TEST_F(SoapWalkingSkeleton, GetUmPropertiesOfDefaultsAnswersTheDocumentedShape) {
  const auto response = post(soap11_request(kGetUmProperties));
  expect_soap11(
      response, http::status::ok,
      R"(<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><soap:Body><GetUMPropertiesResponse xmlns="http://schemas.microsoft.com/exchange/services/2006/messages"><GetUMPropertiesResponse><OofStatus>false</OofStatus><MissedCallNotificationEnabled>true</MissedCallNotificationEnabled><PlayOnPhoneDialString /><TelephoneAccessNumbers /><TelephoneAccessFolderEmail /></GetUMPropertiesResponse></GetUMPropertiesResponse></soap:Body></soap:Envelope>)");
}

TEST_F(SoapWalkingSkeleton, SetOofStatusTrueAnswersEmptyResponseAndGetShowsIt) {
  const auto set = post(soap11_request(set_oof_status("true")));
  expect_soap11(
      set, http::status::ok,
      soap11_response(
          R"(<SetOofStatusResponse xmlns="http://schemas.microsoft.com/exchange/services/2006/messages" />)"));
  EXPECT_EQ(settings_of(core_.adele()).automatic_replies.state, core::OofState::kAlwaysEnabled);

  const auto get = post(soap11_request(kGetUmProperties));
  EXPECT_NE(get.body().find("<OofStatus>true</OofStatus>"), std::string::npos) << get.body();
}

TEST_F(SoapWalkingSkeleton, SetOofStatusFalseTurnsItOffAgain) {
  post(soap11_request(set_oof_status("1")));
  const auto set = post(soap11_request(set_oof_status("0")));
  EXPECT_EQ(set.result(), http::status::ok);
  EXPECT_EQ(settings_of(core_.adele()).automatic_replies.state, core::OofState::kDisabled);
  const auto get = post(soap11_request(kGetUmProperties));
  EXPECT_NE(get.body().find("<OofStatus>false</OofStatus>"), std::string::npos) << get.body();
}

TEST_F(SoapWalkingSkeleton, BooleanLexicalSpaceWithCollapsedWhitespace) {
  EXPECT_EQ(post(soap11_request(set_oof_status("\n  true \t"))).result(), http::status::ok);
  EXPECT_EQ(settings_of(core_.adele()).automatic_replies.state, core::OofState::kAlwaysEnabled);
  EXPECT_EQ(post(soap11_request(set_oof_status(" false "))).result(), http::status::ok);
  EXPECT_EQ(settings_of(core_.adele()).automatic_replies.state, core::OofState::kDisabled);
}

TEST_F(SoapWalkingSkeleton, BothEndpointsCaseInsensitiveQueryIgnored) {
  for (std::string_view path : {"/UnifiedMessaging/Service.asmx", "/unifiedmessaging/service.asmx",
                                "/EWS/UM2007Legacy.asmx", "/ews/um2007legacy.ASMX", "/EWS/UM2007Legacy.asmx?x=1"}) {
    const auto response = post(soap11_request(kIsUmEnabled), std::nullopt, path);
    EXPECT_EQ(response.result(), http::status::ok) << path;
    EXPECT_NE(response.body().find("<IsUMEnabledResponse>true</IsUMEnabledResponse>"), std::string::npos) << path;
  }
}

TEST_F(SoapWalkingSkeleton, HttpsMessagesNamespaceIsAnsweredInKind) {
  const auto response =
      post(soap11_request(R"(<IsUMEnabled xmlns="https://schemas.microsoft.com/exchange/services/2006/messages" />)"));
  expect_soap11(
      response, http::status::ok,
      soap11_response(
          R"(<IsUMEnabledResponse xmlns="https://schemas.microsoft.com/exchange/services/2006/messages"><IsUMEnabledResponse>true</IsUMEnabledResponse></IsUMEnabledResponse>)"));
}

TEST_F(SoapWalkingSkeleton, PrefixedOperationAndHeaderWithoutMustUnderstandAreAccepted) {
  const auto response = post(
      R"(<?xml version="1.0"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">)"
      R"(<s:Header><t:TimeZoneContext><t:TimeZoneDefinition Id="UTC"/></t:TimeZoneContext></s:Header>)"
      R"(<s:Body><m:SetOofStatus><m:status>true</m:status></m:SetOofStatus></s:Body></s:Envelope>)");
  expect_soap11(
      response, http::status::ok,
      soap11_response(
          R"(<SetOofStatusResponse xmlns="http://schemas.microsoft.com/exchange/services/2006/messages" />)"));
}

TEST_F(SoapWalkingSkeleton, SoapActionAbsentEmptyQuotedOrMatchingIsAccepted) {
  for (std::string_view action :
       {"", "\"\"", "\"http://schemas.microsoft.com/exchange/services/2006/messages/SetOofStatus\"",
        "http://schemas.microsoft.com/exchange/services/2006/messages/SetOofStatus"}) {
    const auto response = post(soap11_request(set_oof_status("true")), std::nullopt, kUmPath, kSoap11Type, action);
    expect_soap11(
        response, http::status::ok,
        soap11_response(
            R"(<SetOofStatusResponse xmlns="http://schemas.microsoft.com/exchange/services/2006/messages" />)"));
  }
}

TEST_F(SoapWalkingSkeleton, SoapActionNamingAnotherOperationIsAClientFault) {
  const auto response = post(soap11_request(set_oof_status("true")), std::nullopt, kUmPath, kSoap11Type,
                             "\"http://schemas.microsoft.com/exchange/services/2006/messages/GetUMProperties\"");
  expect_soap11(response, http::status::internal_server_error,
                soap11_fault("soap:Client",
                             "The SOAPAction 'http://schemas.microsoft.com/exchange/services/2006/messages/"
                             "GetUMProperties' names a different operation than the Body element SetOofStatus.",
                             "InvalidRequestException"));
  EXPECT_EQ(settings_of(core_.adele()).automatic_replies.state, core::OofState::kDisabled);
}

TEST_F(SoapWalkingSkeleton, TwoUsersEachChangeOnlyTheirOwnState) {
  post(soap11_request(set_oof_status("true")), basic(core_.alex()));
  EXPECT_EQ(settings_of(core_.alex()).automatic_replies.state, core::OofState::kAlwaysEnabled);
  EXPECT_EQ(settings_of(core_.adele()).automatic_replies.state, core::OofState::kDisabled);
}

TEST_F(SoapWalkingSkeleton, UnauthenticatedPostIs401WithChallenges) {
  const auto response = post(soap11_request(kIsUmEnabled), core::Caller{});
  EXPECT_EQ(response.result(), http::status::unauthorized);
  std::vector<std::string> challenges;
  for (auto it = response.find(http::field::www_authenticate);
       it != response.end() && it->name() == http::field::www_authenticate; ++it) {
    challenges.emplace_back(it->value());
  }
  EXPECT_EQ(challenges, (std::vector<std::string>{R"(Basic realm="oofgate")", R"(Bearer realm="oofgate")"}));
  expect_soap11(
      response, http::status::unauthorized,
      soap11_fault("soap:Client", "Authentication is required: send HTTP Basic credentials or a bearer token.",
                   "AccessDeniedException"));
}

TEST_F(SoapWalkingSkeleton, FailedBasicCredentialsAre401) {
  const auto response = post(soap11_request(kIsUmEnabled), core::Caller{core::CredentialScheme::kBasic, std::nullopt});
  EXPECT_EQ(response.result(), http::status::unauthorized);
}

TEST_F(SoapWalkingSkeleton, GetWithoutWsdlIs405AllowPost) {
  const auto response = get("/UnifiedMessaging/Service.asmx");
  EXPECT_EQ(response.result(), http::status::method_not_allowed);
  EXPECT_EQ(response[http::field::allow], "POST");
  EXPECT_EQ(response.body(),
            "The UM web service takes SOAP requests by POST; its WSDL is at /UnifiedMessaging/Service.asmx?wsdl.");
}

TEST_F(SoapWalkingSkeleton, SoapToANonSoapPathIsAFaultNamingTheEndpoints) {
  const auto response = post(soap11_request(kIsUmEnabled), std::nullopt, "/v1.0/me/mailboxSettings");
  expect_soap11(
      response, http::status::not_found,
      soap11_fault(
          "soap:Client",
          "There is no SOAP endpoint at '/v1.0/me/mailboxSettings'. The UM web service is at "
          "/UnifiedMessaging/Service.asmx and /EWS/UM2007Legacy.asmx, Exchange Web Services at /EWS/Exchange.asmx.",
          "InvalidRequestException"));
}

TEST_F(SoapWalkingSkeleton, RepeatedGetUmPropertiesIsServedIdentically) {
  const auto first = post(soap11_request(kGetUmProperties));
  const auto second = post(soap11_request(kGetUmProperties));
  EXPECT_EQ(first.body(), second.body());
}

}  // namespace
}  // namespace oofgate::testing
