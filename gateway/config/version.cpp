#include "gateway/config/version.h"

namespace oofgate::gateway {

std::string version_text(const std::string& iana_version) {
  return std::string("oofgate ") + OOFGATE_VERSION + "\nIANA tzdb " + iana_version + "\nCLDR " + OOFGATE_CLDR_RELEASE +
         " windowsZones (" + OOFGATE_WINDOWS_ZONES_VERSION + ")\n";
}

}  // namespace oofgate::gateway
