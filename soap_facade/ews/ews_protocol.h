#pragma once

#include <string>
#include <string_view>

#include "core/result.h"
#include "soap_facade/fault.h"

namespace oofgate::soap::ews {

// MS-OXWSCORE §2.1 / MS-OXWOOF: the one EWS endpoint (clients and Autodiscover use this exact
// spelling) and Exchange's WSDL path; both matched case-insensitively, as IIS does.
inline constexpr std::string_view kEwsPath = "/EWS/Exchange.asmx";
inline constexpr std::string_view kEwsWsdlPath = "/EWS/Services.wsdl";
bool is_ews_endpoint(std::string_view path);
bool is_ews_wsdl_path(std::string_view path);

// t:ServerVersionInfo (Types.xsd), the SOAP header block of every EWS response: Exchange 2016
// CU (15.1) numbers, which exchangelib maps to API version Exchange2016.
std::string_view server_version_header();

// RequestServerVersion/@Version values EWS defines (Types.xsd ExchangeVersionType).
bool is_known_request_version(std::string_view version);

// An EWS ResponseCode with the text sent beside it (MessageText / e:Message).
struct EwsError {
  std::string_view code;
  std::string message;
};

// THE mapping from core errors to EWS response codes. Ordinary validation errors never map to a
// version or request code (ErrorInvalidServerVersion, ErrorInvalidRequest): exchangelib retries
// every older API version on those.
EwsError ews_error_from(const core::Error& error);

// A fault whose detail is MS-OXWSCORE's e:ResponseCode and e:Message.
Fault ews_fault(FaultCode code, std::string_view response_code, std::string message);
// Reply::FaultShaper for EWS: a fault from the shared SOAP layers (envelope, XML limits,
// catch-all) gets the EWS detail its ExceptionType stands for.
Fault shape_ews_fault(const Fault& fault);

}  // namespace oofgate::soap::ews
