#include "soap_facade/ews/ews_protocol.h"

#include <array>

#include "core/text/ascii.h"
#include "facade_common/log.h"
#include "soap_facade/namespaces.h"
#include "soap_facade/text.h"

namespace oofgate::soap::ews {
namespace {

// Types.xsd ExchangeVersionType, and the dated versions Exchange Online reports (V2015_10_05 ...).
constexpr std::array<std::string_view, 11> kNamedVersions = {
    "Exchange2007",     "Exchange2007_SP1", "Exchange2010",     "Exchange2010_SP1", "Exchange2010_SP2", "Exchange2013",
    "Exchange2013_SP1", "Exchange2015",     "Exchange2015_SP1", "Exchange2016",     "Exchange2019",
};

bool is_digits(std::string_view text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

// V2015_10_05: 'V', year, month, day.
bool is_dated_version(std::string_view version) {
  return version.size() == 11 && version[0] == 'V' && is_digits(version.substr(1, 4)) && version[5] == '_' &&
         is_digits(version.substr(6, 2)) && version[8] == '_' && is_digits(version.substr(9, 2));
}

std::string_view response_code_for(const Fault& fault) {
  switch (*fault.exception) {
    case ExceptionType::kAccessDenied:
      return "ErrorAccessDenied";
    case ExceptionType::kServiceUnavailable:
      return "ErrorInternalServerTransientError";
    case ExceptionType::kInternalServerError:
      return "ErrorInternalServerError";
    default:
      break;
  }
  return fault.code == FaultCode::kServer ? "ErrorInternalServerError" : "ErrorSchemaValidation";
}

}  // namespace

bool is_ews_endpoint(std::string_view path) { return core::iequals_ascii(path, kEwsPath); }
bool is_ews_wsdl_path(std::string_view path) { return core::iequals_ascii(path, kEwsWsdlPath); }

std::string_view server_version_header() {
  return R"(<t:ServerVersionInfo MajorVersion="15" MinorVersion="1" MajorBuildNumber="2507" MinorBuildNumber="6" )"
         R"(Version="V2017_07_11" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types" />)";
}

bool is_known_request_version(std::string_view version) {
  for (std::string_view known : kNamedVersions) {
    if (version == known) {
      return true;
    }
  }
  return is_dated_version(version);
}

EwsError ews_error_from(const core::Error& error) {
  using core::ErrorCode;
  switch (error.code) {
    case ErrorCode::kInvalidScheduledDuration:
      return {"ErrorInvalidScheduledOofDuration", error.message};
    case ErrorCode::kInvalidArgument:
    case ErrorCode::kInvalidTimeSettings:
    case ErrorCode::kInvalidTimeZone:
      // Core validation messages are written for clients and name no internals.
      return {"ErrorInvalidOofParameter", error.message};
    case ErrorCode::kUserNotFound:
      return {"ErrorNonExistentMailbox", "No mailbox with such guid or address exists."};
    case ErrorCode::kAccessDenied:
    case ErrorCode::kDelegatedOnly:
    case ErrorCode::kNotUmEnabled:
      return {"ErrorAccessDenied", "Access is denied. Check credentials and try again."};
    case ErrorCode::kNotSupported:
      return {"ErrorInvalidOperation", error.message};
    case ErrorCode::kStoreUnavailable:
      facade::log_event("soap_facade", "", "store unavailable: " + error.message);
      return {"ErrorInternalServerTransientError",
              "The mailbox store is temporarily unavailable; nothing was changed. Try again later."};
    case ErrorCode::kRateLimited:
    case ErrorCode::kBusy:
      return {"ErrorInternalServerTransientError", error.message};
    case ErrorCode::kInternal:
      break;
  }
  facade::log_event("soap_facade", "", "internal core error: " + error.message);
  return {"ErrorInternalServerError", "An internal server error occurred. The operation failed."};
}

Fault ews_fault(FaultCode code, std::string_view response_code, std::string message) {
  Fault fault;
  fault.code = code;
  fault.reason = std::move(message);
  fault.detail_xml = R"(<e:ResponseCode xmlns:e=")";
  fault.detail_xml += kErrorsNs;
  fault.detail_xml += R"(">)";
  fault.detail_xml += response_code;
  fault.detail_xml += R"(</e:ResponseCode><e:Message xmlns:e=")";
  fault.detail_xml += kErrorsNs;
  fault.detail_xml += R"(">)";
  append_escaped(fault.detail_xml, fault.reason);
  fault.detail_xml += "</e:Message>";
  return fault;
}

Fault shape_ews_fault(const Fault& fault) {
  // Header faults (VersionMismatch, MustUnderstand) carry no detail (SOAP 1.1 §4.4).
  if (!fault.detail_xml.empty() || !fault.exception) {
    return fault;
  }
  Fault shaped = ews_fault(fault.code, response_code_for(fault), fault.reason);
  shaped.actor = fault.actor;
  return shaped;
}

}  // namespace oofgate::soap::ews
