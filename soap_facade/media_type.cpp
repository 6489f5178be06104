#include "soap_facade/media_type.h"

#include "core/text/ascii.h"
#include "soap_facade/text.h"

namespace oofgate::soap {
namespace {

std::string_view unquote(std::string_view value) {
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
    return value.substr(1, value.size() - 2);
  }
  return value;
}

}  // namespace

std::optional<SoapMediaType> parse_soap_media_type(std::string_view content_type) {
  const auto semicolon = content_type.find(';');
  const std::string type = core::to_lower_ascii(core::trim(content_type.substr(0, semicolon), core::kHttpSpace));
  SoapMediaType media;
  if (type == "text/xml") {
    media.version = SoapVersion::k11;
  } else if (type == "application/soap+xml") {
    media.version = SoapVersion::k12;
  } else {
    return std::nullopt;
  }
  std::string_view rest = semicolon == std::string_view::npos ? std::string_view{} : content_type.substr(semicolon + 1);
  while (!rest.empty()) {
    const auto next = rest.find(';');
    const std::string_view parameter = rest.substr(0, next);
    rest = next == std::string_view::npos ? std::string_view{} : rest.substr(next + 1);
    const auto equals = parameter.find('=');
    if (equals == std::string_view::npos) {
      continue;
    }
    const std::string name = core::to_lower_ascii(core::trim(parameter.substr(0, equals), core::kHttpSpace));
    const std::string_view value = unquote(core::trim(parameter.substr(equals + 1), core::kHttpSpace));
    if (name == "charset") {
      const std::string charset = core::to_lower_ascii(value);
      media.charset_supported = charset == "utf-8" || charset == "utf8" || charset == "us-ascii";
    } else if (name == "action") {
      media.action = std::string(value);
    }
  }
  return media;
}

}  // namespace oofgate::soap
