#include "soap_facade/endpoint.h"

#include "core/text/ascii.h"
#include "soap_facade/text.h"

namespace oofgate::soap {

std::optional<UmEndpoint> match_um_endpoint(std::string_view path) {
  for (UmEndpoint endpoint : {UmEndpoint::kUnifiedMessagingService, UmEndpoint::kUm2007Legacy}) {
    if (core::iequals_ascii(path, canonical_path(endpoint))) {
      return endpoint;
    }
  }
  return std::nullopt;
}

std::string_view canonical_path(UmEndpoint endpoint) {
  return endpoint == UmEndpoint::kUnifiedMessagingService ? "/UnifiedMessaging/Service.asmx" : "/EWS/UM2007Legacy.asmx";
}

bool is_wsdl_query(std::string_view query) { return core::iequals_ascii(query, "wsdl"); }

}  // namespace oofgate::soap
