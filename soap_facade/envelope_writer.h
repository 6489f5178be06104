#pragma once

#include <string>
#include <string_view>

#include "soap_facade/soap_facade.h"

#include "soap_facade/fault.h"
#include "soap_facade/namespaces.h"

namespace oofgate::soap {

// Response documents, byte for byte in the shape of the MS-OXWUMS samples: XML declaration,
// Envelope declaring xsi/xsd, unindented. `header_blocks` (EWS: t:ServerVersionInfo) makes a
// soap:Header; empty, there is none.
std::string success_envelope(SoapVersion version, std::string_view body_content, std::string_view header_blocks = {});
std::string fault_envelope(SoapVersion version, MessagesNs ns, const Fault& fault, std::string_view header_blocks = {});

// SOAP 1.1 §6.2: every fault is 500. SOAP 1.2 Part 2 §7.5.1: Sender is 400, the rest 500.
http::status fault_status(SoapVersion version, const Fault& fault);
std::string_view soap_content_type(SoapVersion version);

// Body content of UM responses (ASMX "wrapped" style).
std::string empty_response(std::string_view operation, MessagesNs ns);
std::string wrapped_response(std::string_view operation, MessagesNs ns, std::string_view inner_xml);

}  // namespace oofgate::soap
