// SOAP 1.2 (application/soap+xml) answered in SOAP 1.2: Code/Value, Reason/Text, Detail; Sender is 400.
#include <string>

#include "soap_test_support.h"

namespace oofgate::testing {
namespace {

constexpr std::string_view kIsUmEnabled =
    R"(<IsUMEnabled xmlns="http://schemas.microsoft.com/exchange/services/2006/messages" />)";

std::string set_oof(std::string_view value) {
  return soap12_request(
      R"(<SetOofStatus xmlns="http://schemas.microsoft.com/exchange/services/2006/messages"><status>)" +
      std::string(value) + "</status></SetOofStatus>");
}

class Soap12 : public SoapFacadeTest {
 protected:
  soap::HttpResponse post12(std::string body, std::string_view content_type = kSoap12Type,
                            std::optional<core::Caller> caller = std::nullopt) {
    return post(std::move(body), caller, kUmPath, content_type);
  }
};

TEST_F(Soap12, IsUmEnabled) {
  expect_soap12(
      post12(soap12_request(kIsUmEnabled)), http::status::ok,
      soap12_response(
          R"(<soap:Body><IsUMEnabledResponse xmlns="http://schemas.microsoft.com/exchange/services/2006/messages"><IsUMEnabledResponse>true</IsUMEnabledResponse></IsUMEnabledResponse></soap:Body>)"));
}

TEST_F(Soap12, SetOofStatusWithMatchingActionParameter) {
  const auto response = post12(set_oof("true"),
                               "application/soap+xml; charset=utf-8; "
                               "action=\"http://schemas.microsoft.com/exchange/services/2006/messages/SetOofStatus\"");
  expect_soap12(
      response, http::status::ok,
      soap12_response(
          R"(<soap:Body><SetOofStatusResponse xmlns="http://schemas.microsoft.com/exchange/services/2006/messages" /></soap:Body>)"));
  EXPECT_EQ(settings_of(core_.adele()).automatic_replies.state, core::OofState::kAlwaysEnabled);
}

TEST_F(Soap12, ActionParameterNamingAnotherOperationIsSender400) {
  const auto response =
      post12(set_oof("true"),
             "application/soap+xml; action=\"http://schemas.microsoft.com/exchange/services/2006/messages/ResetPIN\"");
  EXPECT_EQ(response.result(), http::status::bad_request);
  EXPECT_EQ(settings_of(core_.adele()).automatic_replies.state, core::OofState::kDisabled);
}

TEST_F(Soap12, SchemaFaultIsSender400) {
  expect_soap12(
      post12(set_oof("maybe")), http::status::bad_request,
      soap12_response(
          R"(<soap:Body><soap:Fault><soap:Code><soap:Value>soap:Sender</soap:Value></soap:Code><soap:Reason><soap:Text xml:lang="en">The value 'maybe' of &lt;status&gt; is not an xs:boolean (true, false, 1 or 0).</soap:Text></soap:Reason><soap:Detail><ExceptionType xmlns="http://schemas.microsoft.com/exchange/services/2006/messages">SchemaValidationException</ExceptionType></soap:Detail></soap:Fault></soap:Body>)"));
}

TEST_F(Soap12, UmExceptionTravelsAsSubcode) {
  expect_soap12(
      post12(soap12_request(
          R"(<PlayOnPhone xmlns="http://schemas.microsoft.com/exchange/services/2006/messages"><entryId>INVALID_ENTRY_ID</entryId><DialString>12345</DialString></PlayOnPhone>)")),
      http::status::bad_request,
      soap12_response(
          R"(<soap:Body><soap:Fault><soap:Code><soap:Value>soap:Sender</soap:Value><soap:Subcode><soap:Value xmlns:a="http://schemas.microsoft.com/exchange/services/2006/errors">a:InvalidObjectIdException</soap:Value></soap:Subcode></soap:Code><soap:Reason><soap:Text xml:lang="en">The object identifier isn't valid</soap:Text></soap:Reason><soap:Detail><ExceptionType xmlns="http://schemas.microsoft.com/exchange/services/2006/messages">InvalidObjectIdException</ExceptionType></soap:Detail></soap:Fault></soap:Body>)"));
}

TEST_F(Soap12, Soap11EnvelopeIsVersionMismatchWithUpgrade) {
  expect_soap12(
      post12(soap11_request(kIsUmEnabled)), http::status::internal_server_error,
      soap12_response(
          R"(<soap:Header><soap:Upgrade><soap:SupportedEnvelope qname="s12:Envelope" xmlns:s12="http://www.w3.org/2003/05/soap-envelope" /><soap:SupportedEnvelope qname="s11:Envelope" xmlns:s11="http://schemas.xmlsoap.org/soap/envelope/" /></soap:Upgrade></soap:Header><soap:Body><soap:Fault><soap:Code><soap:Value>soap:VersionMismatch</soap:Value></soap:Code><soap:Reason><soap:Text xml:lang="en">The envelope namespace 'http://schemas.xmlsoap.org/soap/envelope/' does not match SOAP 1.2 (application/soap+xml), whose envelope namespace is 'http://www.w3.org/2003/05/soap-envelope'.</soap:Text></soap:Reason></soap:Fault></soap:Body>)"));
}

TEST_F(Soap12, MustUnderstandTrueNamesTheBlock) {
  const auto response = post12(
      R"(<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Header><x:Foo xmlns:x="urn:x" env:mustUnderstand="true"/></env:Header>)"
      R"(<env:Body><IsUMEnabled xmlns="http://schemas.microsoft.com/exchange/services/2006/messages"/></env:Body></env:Envelope>)");
  expect_soap12(
      response, http::status::internal_server_error,
      soap12_response(
          R"(<soap:Header><soap:NotUnderstood qname="q:Foo" xmlns:q="urn:x" /></soap:Header><soap:Body><soap:Fault><soap:Code><soap:Value>soap:MustUnderstand</soap:Value></soap:Code><soap:Reason><soap:Text xml:lang="en">The header block {urn:x}Foo is not understood by this service.</soap:Text></soap:Reason></soap:Fault></soap:Body>)"));
}

TEST_F(Soap12, MustUnderstandForRoleNoneIsIgnored) {
  const auto response = post12(
      R"(<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Header><x:Foo xmlns:x="urn:x" env:mustUnderstand="1" env:role="http://www.w3.org/2003/05/soap-envelope/role/none"/></env:Header>)"
      R"(<env:Body><IsUMEnabled xmlns="http://schemas.microsoft.com/exchange/services/2006/messages"/></env:Body></env:Envelope>)");
  EXPECT_EQ(response.result(), http::status::ok);
}

TEST_F(Soap12, UserNotUmEnabledIsSender400) {
  const auto response = post12(
      soap12_request(R"(<GetUMProperties xmlns="http://schemas.microsoft.com/exchange/services/2006/messages" />)"),
      kSoap12Type, basic(core_.no_um_user()));
  EXPECT_EQ(response.result(), http::status::bad_request);
  EXPECT_NE(response.body().find("a:UserNotUmEnabledException"), std::string::npos);
}

TEST_F(Soap12, UnauthenticatedIs401InSoap12Form) {
  const auto response = post12(soap12_request(kIsUmEnabled), kSoap12Type, core::Caller{});
  EXPECT_EQ(response.result(), http::status::unauthorized);
  EXPECT_EQ(response[http::field::content_type], "application/soap+xml; charset=utf-8");
  EXPECT_NE(response.body().find("<soap:Value>soap:Sender</soap:Value>"), std::string::npos);
}

}  // namespace
}  // namespace oofgate::testing
