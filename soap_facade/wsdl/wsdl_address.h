#pragma once

#include <string>
#include <string_view>

namespace oofgate::soap {

// A served WSDL: `wsdl` with every @ADDRESS@ replaced by `service_url` (soap:address location).
std::string with_address(std::string_view wsdl, std::string_view service_url);

}  // namespace oofgate::soap
