// Checklist §6 items 41 and 42: oofgate has no telephony, and says so with well-formed UM faults.
#include <string>

#include "soap_test_support.h"

namespace oofgate::testing {
namespace {

std::string um_request(std::string_view operation, std::string_view inner) {
  return soap11_request("<" + std::string(operation) +
                        R"( xmlns="http://schemas.microsoft.com/exchange/services/2006/messages">)" +
                        std::string(inner) + "</" + std::string(operation) + ">");
}

std::string no_telephony(std::string_view operation) {
  return soap11_um_fault("NotSupportedException", "oofgate has no telephony: " + std::string(operation) +
                                                      " cannot place, inspect or end telephone calls.");
}

using SoapTelephony = SoapFacadeTest;

TEST_F(SoapTelephony, PlayOnPhoneWithInvalidEntryIdIsTheDocumentedFault) {
  expect_soap11(
      post(um_request("PlayOnPhone", "<entryId>INVALID_ENTRY_ID</entryId><DialString>12345</DialString>")),
      http::status::internal_server_error,
      R"(<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><soap:Body><soap:Fault><faultcode xmlns:a="http://schemas.microsoft.com/exchange/services/2006/errors">a:InvalidObjectIdException</faultcode><faultstring>The object identifier isn't valid</faultstring><detail><ExceptionType xmlns="http://schemas.microsoft.com/exchange/services/2006/messages">InvalidObjectIdException</ExceptionType></detail></soap:Fault></soap:Body></soap:Envelope>)");
}

TEST_F(SoapTelephony, PlayOnPhoneWithWellFormedEntryIdSaysNoTelephony) {
  expect_soap11(post(um_request("PlayOnPhone", "<entryId>QUJDRA==</entryId><DialString>12345</DialString>")),
                http::status::internal_server_error, no_telephony("PlayOnPhone"));
}

TEST_F(SoapTelephony, PlayOnPhoneWithoutDialStringIsASchemaFault) {
  expect_soap11(
      post(um_request("PlayOnPhone", "<entryId>QUJDRA==</entryId>")), http::status::internal_server_error,
      soap11_fault("soap:Client", "The required element &lt;DialString&gt; is missing.", "SchemaValidationException"));
}

TEST_F(SoapTelephony, PlayOnPhoneGreeting) {
  expect_soap11(
      post(um_request("PlayOnPhoneGreeting", "<GreetingType>OofCustom</GreetingType><DialString>12345</DialString>")),
      http::status::internal_server_error, no_telephony("PlayOnPhoneGreeting"));
}

TEST_F(SoapTelephony, PlayOnPhoneGreetingWithUnknownGreetingType) {
  expect_soap11(
      post(um_request("PlayOnPhoneGreeting", "<GreetingType>Loud</GreetingType><DialString>12345</DialString>")),
      http::status::internal_server_error,
      soap11_fault("soap:Client", "The value of &lt;GreetingType&gt; must be NormalCustom or OofCustom.",
                   "SchemaValidationException"));
}

TEST_F(SoapTelephony, GetCallInfoAndDisconnectKnowNoCalls) {
  for (std::string_view operation : {"GetCallInfo", "Disconnect"}) {
    expect_soap11(post(um_request(operation, "<CallId>42</CallId>")), http::status::internal_server_error,
                  soap11_um_fault("InvalidCallIdException",
                                  "The call identifier isn't valid: oofgate has no telephony and places no calls."));
  }
}

TEST_F(SoapTelephony, LaterTelephonyOperationsSayNoTelephony) {
  for (std::string_view operation : {"PlayOnPhone2", "GetPhoneCallInformation", "DisconnectPhoneCall"}) {
    expect_soap11(post(um_request(operation, "")), http::status::internal_server_error, no_telephony(operation));
  }
}

TEST_F(SoapTelephony, UserWithoutUmGetsNotUmEnabledFirst) {
  for (std::string_view operation : {"PlayOnPhone2", "ResetPIN"}) {
    expect_soap11(post(um_request(operation, ""), basic(core_.no_um_user())), http::status::internal_server_error,
                  soap11_um_fault("UserNotUmEnabledException", "The user is not enabled for Unified Messaging."));
  }
}

}  // namespace
}  // namespace oofgate::testing
