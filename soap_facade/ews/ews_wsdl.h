#pragma once

#include <string>
#include <string_view>

namespace oofgate::soap::ews {

// A WSDL 1.1 (SOAP 1.1 binding) for the EWS operations oofgate implements, GetUserOofSettings
// and SetUserOofSettings, with the parts of Messages.xsd and Types.xsd they use inline, so
// WSDL-driven clients (zeep) need no other document. Addressed at `service_url`.
std::string ews_service_wsdl(std::string_view service_url);

}  // namespace oofgate::soap::ews
