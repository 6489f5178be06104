#include "soap_facade/autodiscover/autodiscover_paths.h"

#include "core/text/ascii.h"

namespace oofgate::soap {

AutodiscoverEndpoint autodiscover_endpoint(std::string_view path) {
  constexpr std::string_view kPox = "/autodiscover/autodiscover.xml";
  constexpr std::string_view kJson = "/autodiscover/autodiscover.json";
  if (core::iequals_ascii(path, kPox)) {
    return AutodiscoverEndpoint::kPox;
  }
  if (path.size() >= kJson.size() && core::iequals_ascii(path.substr(0, kJson.size()), kJson) &&
      (path.size() == kJson.size() || path[kJson.size()] == '/')) {
    return AutodiscoverEndpoint::kJson;
  }
  return AutodiscoverEndpoint::kNone;
}

}  // namespace oofgate::soap
