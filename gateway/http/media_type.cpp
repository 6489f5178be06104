#include "gateway/http/media_type.h"

#include "core/text/ascii.h"

namespace oofgate::gateway {

MediaType parse_media_type(std::string_view content_type) {
  const std::string_view essence = core::trim(content_type.substr(0, content_type.find(';')), core::kHttpSpace);
  if (essence.empty()) {
    return MediaType::kNone;
  }
  if (core::iequals_ascii(essence, "application/json")) {
    return MediaType::kJson;
  }
  if (core::iequals_ascii(essence, "text/xml")) {
    return MediaType::kTextXml;
  }
  if (core::iequals_ascii(essence, "application/soap+xml")) {
    return MediaType::kSoapXml;
  }
  return MediaType::kOther;
}

}  // namespace oofgate::gateway
