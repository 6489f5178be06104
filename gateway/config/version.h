#pragma once

#include <string>

namespace oofgate::gateway {

// `oofgate --version`: the oofgate version (CMake's project(VERSION)), the IANA tzdb release
// loaded (core::TimeZoneDb::iana_version()) and the CLDR windowsZones data compiled in.
std::string version_text(const std::string& iana_version);

}  // namespace oofgate::gateway
