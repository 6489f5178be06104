#pragma once

#include <string>
#include <string_view>

#include "soap_test_support.h"

namespace oofgate::testing {

inline constexpr std::string_view kEwsPath = "/EWS/Exchange.asmx";
inline constexpr std::string_view kTns = "http://schemas.microsoft.com/exchange/services/2006/types";

// An EWS request as exchangelib builds it: s: envelope, t:RequestServerVersion and
// t:TimeZoneContext in the header, the operation in m:.
inline std::string ews_request(std::string_view body_content, std::string_view version = "Exchange2016") {
  return std::string(R"(<?xml version='1.0' encoding='utf-8'?>)"
                     R"(<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" )"
                     R"(xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" )"
                     R"(xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"><s:Header>)"
                     R"(<t:RequestServerVersion Version=")") +
         std::string(version) +
         R"("/><t:TimeZoneContext><t:TimeZoneDefinition Id="W. Europe Standard Time"/></t:TimeZoneContext>)"
         R"(</s:Header><s:Body>)" +
         std::string(body_content) + "</s:Body></s:Envelope>";
}

inline std::string ews_mailbox(std::string_view address) {
  return "<t:Mailbox><t:Address>" + std::string(address) + "</t:Address></t:Mailbox>";
}

inline std::string get_oof_request(std::string_view address) {
  return ews_request("<m:GetUserOofSettingsRequest>" + ews_mailbox(address) + "</m:GetUserOofSettingsRequest>");
}

inline std::string set_oof_request(std::string_view address, std::string_view settings) {
  return ews_request("<m:SetUserOofSettingsRequest>" + ews_mailbox(address) + "<t:UserOofSettings>" +
                     std::string(settings) + "</t:UserOofSettings></m:SetUserOofSettingsRequest>");
}

// Expected EWS responses, spelled out independently of the facade's writer: every envelope has
// t:ServerVersionInfo in its header.
inline std::string ews_envelope(std::string_view body_content) {
  return std::string(
             R"(<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">)"
             R"(<soap:Header><t:ServerVersionInfo MajorVersion="15" MinorVersion="1" MajorBuildNumber="2507" MinorBuildNumber="6" Version="V2017_07_11" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types" /></soap:Header><soap:Body>)") +
         std::string(body_content) + "</soap:Body></soap:Envelope>";
}

inline std::string ews_success(std::string_view operation, std::string_view after_message = {}) {
  return ews_envelope(
      "<" + std::string(operation) +
      R"(Response xmlns="http://schemas.microsoft.com/exchange/services/2006/messages">)"
      R"(<ResponseMessage ResponseClass="Success"><ResponseCode>NoError</ResponseCode></ResponseMessage>)" +
      std::string(after_message) + "</" + std::string(operation) + "Response>");
}

inline std::string ews_error(std::string_view operation, std::string_view code, std::string_view text) {
  return ews_envelope("<" + std::string(operation) +
                      R"(Response xmlns="http://schemas.microsoft.com/exchange/services/2006/messages">)"
                      R"(<ResponseMessage ResponseClass="Error"><MessageText>)" +
                      std::string(text) + "</MessageText><ResponseCode>" + std::string(code) +
                      "</ResponseCode><DescriptiveLinkKey>0</DescriptiveLinkKey></ResponseMessage></" +
                      std::string(operation) + "Response>");
}

// A SOAP 1.1 fault whose detail is MS-OXWSCORE's e:ResponseCode and e:Message.
inline std::string ews_fault(std::string_view code, std::string_view response_code, std::string_view reason) {
  const std::string errors = R"(xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors")";
  return ews_envelope("<soap:Fault><faultcode>" + std::string(code) + "</faultcode><faultstring>" +
                      std::string(reason) + "</faultstring><detail><e:ResponseCode " + errors + ">" +
                      std::string(response_code) + "</e:ResponseCode><e:Message " + errors + ">" + std::string(reason) +
                      "</e:Message></detail></soap:Fault>");
}

// t:OofSettings and AllowExternalOof as a Get response carries them.
inline std::string oof_settings(std::string_view state, std::string_view audience, std::string_view start,
                                std::string_view end, std::string_view internal, std::string_view external) {
  return R"(<OofSettings xmlns="http://schemas.microsoft.com/exchange/services/2006/types"><OofState>)" +
         std::string(state) + "</OofState><ExternalAudience>" + std::string(audience) +
         "</ExternalAudience><Duration><StartTime>" + std::string(start) + "</StartTime><EndTime>" + std::string(end) +
         "</EndTime></Duration><InternalReply><Message>" + std::string(internal) +
         "</Message></InternalReply><ExternalReply><Message>" + std::string(external) +
         "</Message></ExternalReply></OofSettings><AllowExternalOof>All</AllowExternalOof>";
}

}  // namespace oofgate::testing
