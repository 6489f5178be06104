#pragma once

#include <string>
#include <string_view>

namespace oofgate::soap {

// A hand-written WSDL 1.1 for the UM web service (real Exchange serves none: spec §5), with
// SOAP 1.1 and SOAP 1.2 bindings for every MS-OXWUMS operation, addressed at `service_url`.
std::string um_service_wsdl(std::string_view service_url);

}  // namespace oofgate::soap
