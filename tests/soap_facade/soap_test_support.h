#pragma once

#include <future>
#include <optional>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "soap_facade/soap_facade.h"
#include "support/core_fixture.h"
#include "support/recording_pin_notifier.h"

namespace oofgate::testing {

namespace http = soap::http;

inline constexpr std::string_view kUmPath = "/EWS/UM2007Legacy.asmx";
inline constexpr std::string_view kSoap11Type = "text/xml; charset=utf-8";
inline constexpr std::string_view kSoap12Type = "application/soap+xml; charset=utf-8";
inline constexpr std::string_view kMns = "http://schemas.microsoft.com/exchange/services/2006/messages";

// Request documents as clients send them (the MS-OXWUMS sample shape).
inline std::string soap11_request(std::string_view body_content) {
  return std::string(R"(<?xml version="1.0" encoding="utf-8"?>)"
                     R"(<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>)") +
         std::string(body_content) + "</soap:Body></soap:Envelope>";
}

inline std::string soap12_request(std::string_view body_content) {
  return std::string(R"(<?xml version="1.0" encoding="utf-8"?>)"
                     R"(<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Body>)") +
         std::string(body_content) + "</soap:Body></soap:Envelope>";
}

// Expected response bytes, spelled out independently of the facade's writer.
inline std::string soap11_response(std::string_view body_content) {
  return std::string(
             R"(<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><soap:Body>)") +
         std::string(body_content) + "</soap:Body></soap:Envelope>";
}

inline std::string soap12_response(std::string_view header_and_body) {
  return std::string(
             R"(<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">)") +
         std::string(header_and_body) + "</soap:Envelope>";
}

// A SOAP 1.1 fault with a plain soap:Client/Server code and detail/ExceptionType.
inline std::string soap11_fault(std::string_view code, std::string_view reason, std::string_view exception,
                                std::string_view ns = kMns) {
  std::string fault = "<soap:Fault><faultcode>" + std::string(code) + "</faultcode><faultstring>" +
                      std::string(reason) + "</faultstring>";
  if (!exception.empty()) {
    fault += R"(<detail><ExceptionType xmlns=")" + std::string(ns) + R"(">)" + std::string(exception) +
             "</ExceptionType></detail>";
  }
  return soap11_response(fault + "</soap:Fault>");
}

// A SOAP 1.1 fault in the MS-OXWUMS shape: faultcode a:<Exception> with `a` bound to the errors namespace.
inline std::string soap11_um_fault(std::string_view exception, std::string_view reason, std::string_view ns = kMns) {
  return soap11_response(
      R"(<soap:Fault><faultcode xmlns:a="http://schemas.microsoft.com/exchange/services/2006/errors">a:)" +
      std::string(exception) + "</faultcode><faultstring>" + std::string(reason) +
      R"(</faultstring><detail><ExceptionType xmlns=")" + std::string(ns) + R"(">)" + std::string(exception) +
      "</ExceptionType></detail></soap:Fault>");
}

// A SOAP 1.2 Sender fault with detail/ExceptionType (answered with HTTP 400).
inline std::string soap12_sender_fault(std::string_view reason, std::string_view exception) {
  return soap12_response(
      R"(<soap:Body><soap:Fault><soap:Code><soap:Value>soap:Sender</soap:Value></soap:Code><soap:Reason><soap:Text xml:lang="en">)" +
      std::string(reason) +
      R"(</soap:Text></soap:Reason><soap:Detail><ExceptionType xmlns="http://schemas.microsoft.com/exchange/services/2006/messages">)" +
      std::string(exception) + "</ExceptionType></soap:Detail></soap:Fault></soap:Body>");
}

// Drives the facade with strings in and a complete response out; Respond may run on the store's
// committer thread, so the test waits on a future, never on a clock.
class SoapFacadeTest : public ::testing::Test {
 protected:
  // The facade's service shares the fixture's store and delivers ResetPIN PINs to `pins_`.
  SoapFacadeTest()
      : service_(*core_.directory, *core_.store, core_.clock, core_.zones, pin_reset_config()), facade_(service_) {}

  core::PinResetConfig pin_reset_config() {
    core::PinResetConfig config;
    config.notifier = &pins_;
    config.hash_iterations = 1000;  // the format and the check are the same; only slower by default
    return config;
  }

  // What HTTP Basic sign-in yields for a user (Directory::authenticate_basic), without PBKDF2 per test.
  core::Caller basic(const core::User& user) const {
    core::PermissionSet permissions;
    permissions.add(core::Permission::kMailboxSettingsReadWrite);
    permissions.add(core::Permission::kUserRead);
    return core::Caller{core::CredentialScheme::kBasic,
                        core::Principal{core::PrincipalKind::kDelegated, &user, permissions}};
  }
  core::Caller bearer(const char* token) const {
    return core::Caller{core::CredentialScheme::kBearer, core_.principal(token)};
  }
  core::Caller adele() const { return basic(core_.adele()); }

  soap::HttpResponse send(soap::HttpRequest request, const core::Caller& caller) {
    std::promise<soap::HttpResponse> promise;
    auto future = promise.get_future();
    int calls = 0;
    facade_.handle(facade::describe_request(request, caller), [&promise, &calls](soap::HttpResponse response) {
      ++calls;
      promise.set_value(std::move(response));
    });
    auto response = future.get();
    EXPECT_EQ(calls, 1);
    return response;
  }

  soap::HttpResponse post(std::string body, std::optional<core::Caller> caller = std::nullopt,
                          std::string_view path = kUmPath, std::string_view content_type = kSoap11Type,
                          std::optional<std::string_view> soap_action = std::nullopt) {
    soap::HttpRequest request{http::verb::post, std::string(path), 11};
    request.set(http::field::host, "mail.contoso.com");
    request.set(http::field::content_type, content_type);
    if (soap_action) {
      request.set("SOAPAction", *soap_action);
    }
    request.body() = std::move(body);
    request.prepare_payload();
    return send(std::move(request), caller ? *caller : adele());
  }

  soap::HttpResponse get(std::string_view target) {
    soap::HttpRequest request{http::verb::get, std::string(target), 11};
    request.set(http::field::host, "mail.contoso.com:8443");
    return send(std::move(request), core::Caller{});
  }

  core::MailboxSettings settings_of(const core::User& user) {
    SnapshotWaiter waiter;
    core_.service->read(user, waiter.callback());
    auto result = waiter.get();
    EXPECT_TRUE(result.ok());
    return result.value()->settings;
  }

  // Asserts the exact status, content type and body of a SOAP 1.1 response (framing is the gateway's).
  static void expect_soap11(const soap::HttpResponse& response, http::status status, const std::string& body) {
    EXPECT_EQ(response.result(), status);
    EXPECT_EQ(response[http::field::content_type], "text/xml; charset=utf-8");
    EXPECT_EQ(response.body(), body);
  }

  // Asserts the exact status, content type and body of a SOAP 1.2 response.
  static void expect_soap12(const soap::HttpResponse& response, http::status status, const std::string& body) {
    EXPECT_EQ(response.result(), status);
    EXPECT_EQ(response[http::field::content_type], "application/soap+xml; charset=utf-8");
    EXPECT_EQ(response.body(), body);
  }

  RecordingPinNotifier pins_;  // outlives the store, whose callbacks may withdraw a delivery
  CoreFixture core_;
  core::MailboxService service_;
  soap::SoapFacade facade_;
};

}  // namespace oofgate::testing
