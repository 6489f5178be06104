#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "soap_facade/namespaces.h"

namespace oofgate::soap {

// A Content-Type header as this facade needs it: which SOAP version it announces, whether the
// charset is one we read, and the SOAP 1.2 `action` parameter (RFC 3902).
struct SoapMediaType {
  SoapVersion version = SoapVersion::k11;
  bool charset_supported = true;  // absent or UTF-8 (ASCII is a subset)
  std::optional<std::string> action;
};

// nullopt when the media type is neither text/xml nor application/soap+xml.
std::optional<SoapMediaType> parse_soap_media_type(std::string_view content_type);

}  // namespace oofgate::soap
