#pragma once

#include <string_view>

namespace oofgate::gateway {

// The media types the gateway routes on; parameters (charset, action) are left to the facades.
enum class MediaType { kNone, kJson, kTextXml, kSoapXml, kOther };

// Parses a Content-Type value once: parameters stripped, case-insensitive, whitespace tolerated.
MediaType parse_media_type(std::string_view content_type);

}  // namespace oofgate::gateway
