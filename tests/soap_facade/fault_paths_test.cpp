// Checklist §6 items 8, 9, 11, 12, 39, 44 and the XML hardening rules: every refusal is a
// well-formed fault and changes nothing.
#include <string>

#include "soap_test_support.h"

namespace oofgate::testing {
namespace {

class SoapFaultPaths : public SoapFacadeTest {
 protected:
  void TearDown() override {
    // A faulted request changes nothing.
    EXPECT_EQ(settings_of(core_.adele()).automatic_replies.state, core::OofState::kDisabled);
  }
};

std::string set_oof(std::string_view inner) {
  return soap11_request(R"(<SetOofStatus xmlns="http://schemas.microsoft.com/exchange/services/2006/messages">)" +
                        std::string(inner) + "</SetOofStatus>");
}

TEST_F(SoapFaultPaths, NonBooleanStatusNamesTheValue) {
  expect_soap11(
      post(set_oof("<status>maybe</status>")), http::status::internal_server_error,
      soap11_fault("soap:Client", "The value 'maybe' of &lt;status&gt; is not an xs:boolean (true, false, 1 or 0).",
                   "SchemaValidationException"));
}

TEST_F(SoapFaultPaths, CapitalisedBooleanIsNotXsBoolean) {
  expect_soap11(
      post(set_oof("<status>True</status>")), http::status::internal_server_error,
      soap11_fault("soap:Client", "The value 'True' of &lt;status&gt; is not an xs:boolean (true, false, 1 or 0).",
                   "SchemaValidationException"));
}

TEST_F(SoapFaultPaths, MissingStatus) {
  expect_soap11(
      post(set_oof("")), http::status::internal_server_error,
      soap11_fault("soap:Client", "The required element &lt;status&gt; is missing.", "SchemaValidationException"));
}

TEST_F(SoapFaultPaths, RepeatedStatus) {
  expect_soap11(
      post(set_oof("<status>true</status><status>true</status>")), http::status::internal_server_error,
      soap11_fault("soap:Client", "The element &lt;status&gt; appears more than once.", "SchemaValidationException"));
}

TEST_F(SoapFaultPaths, UnexpectedParameter) {
  expect_soap11(post(set_oof("<status>true</status><mailbox>alex@contoso.com</mailbox>")),
                http::status::internal_server_error,
                soap11_fault("soap:Client", "The element &lt;mailbox&gt; is not a parameter of SetOofStatus.",
                             "SchemaValidationException"));
}

TEST_F(SoapFaultPaths, StatusWithElementContent) {
  expect_soap11(post(set_oof("<status><b>true</b></status>")), http::status::internal_server_error,
                soap11_fault("soap:Client", "The element &lt;status&gt; must hold text, not elements.",
                             "SchemaValidationException"));
}

TEST_F(SoapFaultPaths, MalformedXml) {
  expect_soap11(post("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"),
                http::status::internal_server_error,
                soap11_fault("soap:Client", "The request is not well-formed XML: Start-end tags mismatch at offset 80.",
                             "InvalidRequestException"));
}

TEST_F(SoapFaultPaths, EmptyBody) {
  expect_soap11(post(""), http::status::internal_server_error,
                soap11_fault("soap:Client", "The request body holds no XML element.", "InvalidRequestException"));
}

TEST_F(SoapFaultPaths, DoctypeIsRefusedBeforeParsing) {
  const std::string billion_laughs =
      R"(<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>)" +
      soap11_request(
          R"(<SetOofStatus xmlns="http://schemas.microsoft.com/exchange/services/2006/messages"><status>&lol2;</status></SetOofStatus>)")
          .substr(38);
  expect_soap11(
      post(billion_laughs), http::status::internal_server_error,
      soap11_fault("soap:Client", "Document type declarations and entity declarations are not allowed in a request.",
                   "InvalidRequestException"));
}

TEST_F(SoapFaultPaths, UndeclaredEntityIsMalformed) {
  const auto response = post(set_oof("<status>&xxe;</status>"));
  EXPECT_EQ(response.result(), http::status::internal_server_error);
  EXPECT_NE(response.body().find("<faultcode>soap:Client</faultcode>"), std::string::npos) << response.body();
}

TEST_F(SoapFaultPaths, PredefinedEntitiesAreExpanded) {
  // "&#x20;1&#x20;" is " 1 ": character references are ordinary XML, not entity declarations.
  EXPECT_EQ(post(set_oof("<status>&#x20;0&#x20;</status>")).result(), http::status::ok);
}

TEST_F(SoapFaultPaths, NestingDeeperThanTheLimit) {
  std::string deep;
  for (int i = 0; i < 40; ++i) {
    deep += "<x>";
  }
  for (int i = 0; i < 40; ++i) {
    deep += "</x>";
  }
  expect_soap11(
      post(soap11_request(deep)), http::status::internal_server_error,
      soap11_fault("soap:Client", "The request nests XML elements deeper than 32 levels.", "InvalidRequestException"));
}

TEST_F(SoapFaultPaths, VeryDeepNestingDoesNotCrash) {
  std::string deep;
  for (int i = 0; i < 100000; ++i) {
    deep += "<x>";
  }
  for (int i = 0; i < 100000; ++i) {
    deep += "</x>";
  }
  EXPECT_EQ(post(soap11_request(deep)).result(), http::status::internal_server_error);
}

TEST_F(SoapFaultPaths, TooManyElements) {
  std::string many = R"(<SetOofStatus xmlns="http://schemas.microsoft.com/exchange/services/2006/messages">)";
  for (int i = 0; i < 1000; ++i) {
    many += "<status>true</status>";
  }
  many += "</SetOofStatus>";
  expect_soap11(post(soap11_request(many)), http::status::internal_server_error,
                soap11_fault("soap:Client", "The request has more than 1000 XML elements.", "InvalidRequestException"));
}

TEST_F(SoapFaultPaths, UnknownOperation) {
  expect_soap11(
      post(soap11_request(R"(<FooBar xmlns="http://schemas.microsoft.com/exchange/services/2006/messages" />)")),
      http::status::internal_server_error,
      soap11_fault("soap:Client",
                   "The Body element {http://schemas.microsoft.com/exchange/services/2006/messages}FooBar is "
                   "not a UM web service operation.",
                   "InvalidOperationException"));
}

TEST_F(SoapFaultPaths, UmOperationInAForeignNamespace) {
  expect_soap11(
      post(soap11_request(R"(<SetOofStatus xmlns="urn:other"><status>true</status></SetOofStatus>)")),
      http::status::internal_server_error,
      soap11_fault("soap:Client", "The Body element {urn:other}SetOofStatus is not a UM web service operation.",
                   "InvalidOperationException"));
}

TEST_F(SoapFaultPaths, EmptySoapBody) {
  expect_soap11(post(soap11_request("")), http::status::internal_server_error,
                soap11_fault("soap:Client", "The SOAP Body holds no operation element.", "InvalidRequestException"));
}

TEST_F(SoapFaultPaths, UndeclaredPrefix) {
  expect_soap11(post(soap11_request("<m:SetOofStatus><m:status>true</m:status></m:SetOofStatus>")),
                http::status::internal_server_error,
                soap11_fault("soap:Client", "The request uses a namespace prefix that is not declared.",
                             "InvalidRequestException"));
}

TEST_F(SoapFaultPaths, Soap12EnvelopeSentAsTextXmlIsVersionMismatch) {
  expect_soap11(
      post(soap12_request(R"(<IsUMEnabled xmlns="http://schemas.microsoft.com/exchange/services/2006/messages" />)")),
      http::status::internal_server_error,
      soap11_response("<soap:Fault><faultcode>soap:VersionMismatch</faultcode><faultstring>The envelope "
                      "namespace 'http://www.w3.org/2003/05/soap-envelope' does not match SOAP 1.1 (text/xml), "
                      "whose envelope namespace is 'http://schemas.xmlsoap.org/soap/envelope/'.</faultstring>"
                      "</soap:Fault>"));
}

TEST_F(SoapFaultPaths, RootThatIsNotAnEnvelopeIsVersionMismatch) {
  const auto response = post(R"(<IsUMEnabled xmlns="http://schemas.microsoft.com/exchange/services/2006/messages" />)");
  expect_soap11(
      response, http::status::internal_server_error,
      soap11_response("<soap:Fault><faultcode>soap:VersionMismatch</faultcode><faultstring>The request is not "
                      "a SOAP envelope; the root element is "
                      "{http://schemas.microsoft.com/exchange/services/2006/messages}IsUMEnabled.</faultstring>"
                      "</soap:Fault>"));
}

TEST_F(SoapFaultPaths, MustUnderstandHeaderWeDoNotKnow) {
  const auto response = post(
      R"(<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header><x:Foo xmlns:x="urn:x" soap:mustUnderstand="1"/></soap:Header>)"
      R"(<soap:Body><SetOofStatus xmlns="http://schemas.microsoft.com/exchange/services/2006/messages"><status>true</status></SetOofStatus></soap:Body></soap:Envelope>)");
  expect_soap11(response, http::status::internal_server_error,
                soap11_response("<soap:Fault><faultcode>soap:MustUnderstand</faultcode><faultstring>The header block "
                                "{urn:x}Foo is not understood by this service.</faultstring></soap:Fault>"));
}

TEST_F(SoapFaultPaths, MustUnderstandForAnotherActorIsIgnored) {
  const auto response = post(
      R"(<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header><x:Foo xmlns:x="urn:x" soap:mustUnderstand="1" soap:actor="urn:someone-else"/></soap:Header>)"
      R"(<soap:Body><IsUMEnabled xmlns="http://schemas.microsoft.com/exchange/services/2006/messages"/></soap:Body></soap:Envelope>)");
  EXPECT_EQ(response.result(), http::status::ok);
}

TEST_F(SoapFaultPaths, NonUtf8CharsetIsRefused) {
  expect_soap11(post(set_oof("<status>true</status>"), std::nullopt, kUmPath, "text/xml; charset=iso-8859-1"),
                http::status::internal_server_error,
                soap11_fault("soap:Client", "Requests must be encoded in UTF-8.", "InvalidRequestException"));
}

TEST_F(SoapFaultPaths, NonSoapMediaTypeOnTheEndpointIs415) {
  const auto response = post(set_oof("<status>true</status>"), std::nullopt, kUmPath, "application/json");
  EXPECT_EQ(response.result(), http::status::unsupported_media_type);
  EXPECT_EQ(response.body(), "The UM web service accepts SOAP 1.1 as text/xml and SOAP 1.2 as application/soap+xml.");
}

TEST_F(SoapFaultPaths, ApplicationIdentityCannotUseUm) {
  expect_soap11(post(set_oof("<status>true</status>"), bearer("app-rw")), http::status::internal_server_error,
                soap11_um_fault("AccessDeniedException",
                                "The UM web service acts for a signed-in user; application identities cannot use it."));
}

TEST_F(SoapFaultPaths, ReadOnlyTokenCannotSet) {
  expect_soap11(post(set_oof("<status>true</status>"), bearer("adele-ro")), http::status::internal_server_error,
                soap11_um_fault("AccessDeniedException", "Access is denied. Check credentials and try again."));
}

TEST_F(SoapFaultPaths, ReadOnlyTokenCanRead) {
  const auto response = post(
      soap11_request(R"(<GetUMProperties xmlns="http://schemas.microsoft.com/exchange/services/2006/messages" />)"),
      bearer("adele-ro"));
  EXPECT_EQ(response.result(), http::status::ok);
}

TEST_F(SoapFaultPaths, UserWithoutUmCannotSetOrRead) {
  for (
      std::string_view body :
      {R"(<SetOofStatus xmlns="http://schemas.microsoft.com/exchange/services/2006/messages"><status>true</status></SetOofStatus>)",
       R"(<GetUMProperties xmlns="http://schemas.microsoft.com/exchange/services/2006/messages" />)"}) {
    expect_soap11(post(soap11_request(body), basic(core_.no_um_user())), http::status::internal_server_error,
                  soap11_um_fault("UserNotUmEnabledException", "The user is not enabled for Unified Messaging."));
  }
  EXPECT_EQ(settings_of(core_.no_um_user()).automatic_replies.state, core::OofState::kDisabled);
}

TEST_F(SoapFaultPaths, FaultInHttpsNamespaceAnswersDetailInKind) {
  expect_soap11(
      post(soap11_request(
          R"(<SetOofStatus xmlns="https://schemas.microsoft.com/exchange/services/2006/messages"><status>2</status></SetOofStatus>)")),
      http::status::internal_server_error,
      soap11_fault("soap:Client", "The value '2' of &lt;status&gt; is not an xs:boolean (true, false, 1 or 0).",
                   "SchemaValidationException", "https://schemas.microsoft.com/exchange/services/2006/messages"));
}

TEST_F(SoapFaultPaths, LongBadValuesAreQuotedShortened) {
  const std::string value(200, 'y');
  const auto response = post(set_oof("<status>" + value + "</status>"));
  EXPECT_NE(response.body().find("'" + std::string(64, 'y') + "...'"), std::string::npos) << response.body();
}

}  // namespace
}  // namespace oofgate::testing
