#include "soap_facade/wsdl/wsdl_address.h"

namespace oofgate::soap {

std::string with_address(std::string_view wsdl, std::string_view service_url) {
  constexpr std::string_view kAddressMarker = "@ADDRESS@";
  std::string out;
  out.reserve(wsdl.size() + 2 * service_url.size());
  std::string_view rest = wsdl;
  for (auto marker = rest.find(kAddressMarker); marker != std::string_view::npos; marker = rest.find(kAddressMarker)) {
    out += rest.substr(0, marker);
    out += service_url;
    rest = rest.substr(marker + kAddressMarker.size());
  }
  out += rest;
  return out;
}

}  // namespace oofgate::soap
