#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace oofgate::facade {

// The media types oofgate routes on (RFC 9110 §8.3.1).
enum class MediaKind : std::uint8_t { kNone, kJson, kTextXml, kSoapXml, kOther };

// A Content-Type value parsed once, at the gateway: the type, whether it is some `+json` type,
// and the parameters the facades use. Views point into the request's header.
struct MediaType {
  MediaKind kind = MediaKind::kNone;
  bool json_family = false;                 // application/json or any */*+json (Graph reads those as JSON)
  std::optional<std::string_view> charset;  // unquoted, as sent
  std::optional<std::string_view> action;   // SOAP 1.2 `action` (RFC 3902), unquoted

  // Absent, UTF-8 or its ASCII subset: the only encodings oofgate reads.
  bool charset_is_utf8() const;
};

// Type and parameter names case-insensitive, whitespace around them tolerated.
MediaType parse_media_type(std::string_view content_type);

}  // namespace oofgate::facade
