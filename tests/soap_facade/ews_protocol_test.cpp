// The EWS endpoint around the OOF operations (spec §2.2, §2.5, checklist §6 items 1-14, 22-23):
// dispatch, headers, probes, other operations, WSDL, faults, all with t:ServerVersionInfo.
#include <string>
#include <vector>

#include "ews_test_support.h"

namespace oofgate::testing {
namespace {

class EwsProtocol : public SoapFacadeTest {
 protected:
  soap::HttpResponse ews(std::string body, std::optional<std::string_view> action = std::nullopt,
                         std::string_view path = kEwsPath, std::string_view content_type = kSoap11Type) {
    return post(std::move(body), std::nullopt, path, content_type, action);
  }
};

const std::string kFreshGet = ews_success(
    "GetUserOofSettings", oof_settings("Disabled", "All", "2030-01-15T12:00:00Z", "2030-01-16T12:00:00Z", "", ""));

TEST_F(EwsProtocol, PathIsCaseInsensitive) {
  expect_soap11(ews(get_oof_request(kAdeleUpn), std::nullopt, "/ews/EXCHANGE.asmx"), http::status::ok, kFreshGet);
}

TEST_F(EwsProtocol, MatchingSoapActionIsAccepted) {
  expect_soap11(ews(get_oof_request(kAdeleUpn),
                    R"("http://schemas.microsoft.com/exchange/services/2006/messages/GetUserOofSettings")"),
                http::status::ok, kFreshGet);
}

TEST_F(EwsProtocol, SoapActionNamingAnotherOperationIsAClientFault) {
  expect_soap11(
      ews(get_oof_request(kAdeleUpn),
          "http://schemas.microsoft.com/exchange/services/2006/messages/SetUserOofSettings"),
      http::status::internal_server_error,
      ews_fault("soap:Client", "ErrorInvalidOperation",
                "The SOAPAction 'http://schemas.microsoft.com/exchange/services/2006/messages/SetUserOofSettings' "
                "names a different operation than the Body element GetUserOofSettings."));
}

TEST_F(EwsProtocol, RequestWithoutHeaderIsAccepted) {
  expect_soap11(
      ews(soap11_request(
          R"(<GetUserOofSettingsRequest xmlns="http://schemas.microsoft.com/exchange/services/2006/messages">)"
          R"(<Mailbox xmlns="http://schemas.microsoft.com/exchange/services/2006/types"><Address>)" +
          std::string(kAdeleUpn) + "</Address></Mailbox></GetUserOofSettingsRequest>")),
      http::status::ok, kFreshGet);
}

TEST_F(EwsProtocol, KnownVersionsAreAccepted) {
  for (std::string_view version : {"Exchange2007_SP1", "Exchange2010_SP2", "Exchange2013", "V2017_07_11"}) {
    expect_soap11(
        ews(ews_request("<m:GetUserOofSettingsRequest>" + ews_mailbox(kAdeleUpn) + "</m:GetUserOofSettingsRequest>",
                        version)),
        http::status::ok, kFreshGet);
  }
}

TEST_F(EwsProtocol, UnknownRequestServerVersionIsErrorInvalidServerVersion) {
  expect_soap11(
      ews(ews_request("<m:GetUserOofSettingsRequest>" + ews_mailbox(kAdeleUpn) + "</m:GetUserOofSettingsRequest>",
                      "Bogus")),
      http::status::internal_server_error,
      ews_fault("soap:Client", "ErrorInvalidServerVersion",
                "The RequestServerVersion 'Bogus' is not a known EWS version."));
}

// exchangelib's version probe: a ConvertId answered in its own shape, with the version header.
TEST_F(EwsProtocol, ConvertIdProbeGetsAnErrorResponseWithTheVersionHeader) {
  expect_soap11(
      ews(ews_request(R"(<m:ConvertId DestinationFormat="EntryId"><m:SourceIds>)"
                      R"(<t:AlternateId Format="EwsId" Id="DUMMY" Mailbox="DUMMY"/></m:SourceIds></m:ConvertId>)")),
      http::status::ok,
      ews_envelope(
          R"(<ConvertIdResponse xmlns="http://schemas.microsoft.com/exchange/services/2006/messages">)"
          R"(<ResponseMessages><ConvertIdResponseMessage ResponseClass="Error"><MessageText>oofgate implements )"
          R"(only the EWS operations GetUserOofSettings and SetUserOofSettings; ConvertId is not available.)"
          R"(</MessageText><ResponseCode>ErrorInvalidOperation</ResponseCode><DescriptiveLinkKey>0)"
          R"(</DescriptiveLinkKey></ConvertIdResponseMessage></ResponseMessages></ConvertIdResponse>)"));
}

TEST_F(EwsProtocol, OtherOperationsGetTheirOwnErrorResponse) {
  const auto response =
      ews(ews_request("<m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape>"
                      "</m:GetFolder>"));
  EXPECT_EQ(response.result(), http::status::ok);
  EXPECT_NE(
      response.body().find(R"(<GetFolderResponse xmlns="http://schemas.microsoft.com/exchange/services/2006/messages">)"
                           R"(<ResponseMessages><GetFolderResponseMessage ResponseClass="Error">)"),
      std::string::npos);
  // Outlook's availability request carries the Request suffix, which the response drops.
  const auto availability = ews(ews_request("<m:GetUserAvailabilityRequest/>"));
  EXPECT_EQ(availability.result(), http::status::ok);
  EXPECT_NE(availability.body().find("<GetUserAvailabilityResponse "), std::string::npos);
  EXPECT_NE(availability.body().find("<ResponseCode>ErrorInvalidOperation</ResponseCode>"), std::string::npos);
}

TEST_F(EwsProtocol, BodyElementOutsideTheMessagesNamespaceIsASchemaFault) {
  expect_soap11(ews(ews_request(R"(<x:GetUserOofSettingsRequest xmlns:x="urn:other"/>)")),
                http::status::internal_server_error,
                ews_fault("soap:Client", "ErrorSchemaValidation",
                          "The Body element {urn:other}GetUserOofSettingsRequest is not an EWS operation."));
}

TEST_F(EwsProtocol, MalformedXmlIsAClientFaultWithTheVersionHeader) {
  const auto response = ews("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>");
  EXPECT_EQ(response.result(), http::status::internal_server_error);
  EXPECT_TRUE(
      response.body().starts_with(ews_envelope("<soap:Fault><faultcode>soap:Client</faultcode>").substr(0, 400)));
  EXPECT_NE(response.body().find(">ErrorSchemaValidation</e:ResponseCode>"), std::string::npos);
}

TEST_F(EwsProtocol, Soap12EnvelopeIsAVersionMismatchWithTheVersionHeader) {
  expect_soap11(
      ews(soap12_request(
          R"(<GetUserOofSettingsRequest xmlns="http://schemas.microsoft.com/exchange/services/2006/messages"/>)")),
      http::status::internal_server_error,
      ews_envelope("<soap:Fault><faultcode>soap:VersionMismatch</faultcode><faultstring>The envelope namespace "
                   "'http://www.w3.org/2003/05/soap-envelope' does not match SOAP 1.1 (text/xml), whose envelope "
                   "namespace is 'http://schemas.xmlsoap.org/soap/envelope/'.</faultstring></soap:Fault>"));
}

TEST_F(EwsProtocol, UnauthenticatedIsA401OfferingBasicAndBearer) {
  soap::HttpRequest request{http::verb::post, std::string(kEwsPath), 11};
  request.set(http::field::content_type, kSoap11Type);
  request.body() = get_oof_request(kAdeleUpn);
  request.prepare_payload();
  const auto response = send(std::move(request), core::Caller{});
  EXPECT_EQ(response.result(), http::status::unauthorized);
  EXPECT_EQ(response.body(), ews_fault("soap:Client", "ErrorAccessDenied",
                                       "Authentication is required: send HTTP Basic credentials or a bearer token."));
  std::vector<std::string> challenges;
  for (auto [it, end] = response.equal_range(http::field::www_authenticate); it != end; ++it) {
    challenges.emplace_back(it->value());
  }
  EXPECT_EQ(challenges, (std::vector<std::string>{R"(Basic realm="oofgate")", R"(Bearer realm="oofgate")"}));
}

// What the gateway refuses before the facade (413 here) is still an EWS fault with the header.
TEST_F(EwsProtocol, GatewayRejectionsOnTheEwsPathCarryTheVersionHeader) {
  const facade::EdgeRejection rejection{facade::EdgeCondition::kPayloadTooLarge, "The request body is too large.", {}};
  const auto response =
      facade_.render_rejection(rejection, facade::parse_media_type(kSoap11Type), "/ews/exchange.asmx");
  expect_soap11(response, http::status::payload_too_large,
                ews_fault("soap:Client", "ErrorSchemaValidation", "The request body is too large."));
}

TEST_F(EwsProtocol, GetWithoutWsdlQueryIs405) {
  const auto response = get(kEwsPath);
  EXPECT_EQ(response.result(), http::status::method_not_allowed);
  EXPECT_EQ(response[http::field::allow], "POST");
}

TEST_F(EwsProtocol, WsdlIsServedAtBothPathsAddressedAtTheEndpoint) {
  const auto wsdl = get("/EWS/Services.wsdl");
  EXPECT_EQ(wsdl.result(), http::status::ok);
  EXPECT_EQ(wsdl[http::field::content_type], "text/xml; charset=utf-8");
  EXPECT_NE(wsdl.body().find(R"(<soap:address location="http://localhost/EWS/Exchange.asmx"/>)"), std::string::npos);
  EXPECT_NE(wsdl.body().find(
                R"(soapAction="http://schemas.microsoft.com/exchange/services/2006/messages/GetUserOofSettings")"),
            std::string::npos);
  EXPECT_NE(wsdl.body().find(
                R"(soapAction="http://schemas.microsoft.com/exchange/services/2006/messages/SetUserOofSettings")"),
            std::string::npos);
  EXPECT_EQ(get("/EWS/Exchange.asmx?WSDL").body(), wsdl.body());
  EXPECT_EQ(get("/ews/services.wsdl").body(), wsdl.body());
}

}  // namespace
}  // namespace oofgate::testing
