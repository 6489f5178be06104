#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "soap_facade/xml_limits.h"

namespace oofgate::soap {

// MS-OXDSCLI ErrorCode values oofgate answers with (§1.4 of the discovery reference).
enum class PoxErrorCode : int {
  kAddressNotFound = 500,       // "The e-mail address cannot be found." (exchangelib maps this text)
  kInvalidRequest = 600,        // the request XML is malformed
  kProviderNotAvailable = 601,  // a response schema oofgate has no provider for (ActiveSync)
  kInternalError = 603,         // "Server Error"
};

// An Outlook POX Autodiscover request (request schema 2006), checked with the SOAP facade's
// hardened XML reader and limits.
struct PoxRequest {
  std::string email_address;
  // The published examples spell the schema namespaces https://, the real ones http://: the
  // answer uses the request's spelling.
  std::string_view scheme = "http";
};

std::variant<PoxRequest, PoxErrorCode> read_pox_request(std::string_view body, const XmlLimits& limits);

}  // namespace oofgate::soap
