#include "facade_common/media_type.h"

#include "core/text/ascii.h"

namespace oofgate::facade {
namespace {

std::string_view unquote(std::string_view value) {
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
    return value.substr(1, value.size() - 2);
  }
  return value;
}

MediaKind kind_of(std::string_view essence) {
  if (essence.empty()) {
    return MediaKind::kNone;
  }
  if (core::iequals_ascii(essence, "application/json")) {
    return MediaKind::kJson;
  }
  if (core::iequals_ascii(essence, "text/xml")) {
    return MediaKind::kTextXml;
  }
  if (core::iequals_ascii(essence, "application/soap+xml")) {
    return MediaKind::kSoapXml;
  }
  return MediaKind::kOther;
}

bool is_json_suffix(std::string_view essence) {
  constexpr std::string_view kSuffix = "+json";
  return essence.size() > kSuffix.size() &&
         core::iequals_ascii(essence.substr(essence.size() - kSuffix.size()), kSuffix);
}

}  // namespace

bool MediaType::charset_is_utf8() const {
  if (!charset) {
    return true;
  }
  return core::iequals_ascii(*charset, "utf-8") || core::iequals_ascii(*charset, "utf8") ||
         core::iequals_ascii(*charset, "us-ascii");
}

MediaType parse_media_type(std::string_view content_type) {
  const auto semicolon = content_type.find(';');
  const std::string_view essence = core::trim(content_type.substr(0, semicolon), core::kHttpSpace);
  MediaType media;
  media.kind = kind_of(essence);
  media.json_family = media.kind == MediaKind::kJson || is_json_suffix(essence);
  std::string_view rest = semicolon == std::string_view::npos ? std::string_view{} : content_type.substr(semicolon + 1);
  while (!rest.empty()) {
    const auto next = rest.find(';');
    const std::string_view parameter = rest.substr(0, next);
    rest = next == std::string_view::npos ? std::string_view{} : rest.substr(next + 1);
    const auto equals = parameter.find('=');
    if (equals == std::string_view::npos) {
      continue;
    }
    const std::string_view name = core::trim(parameter.substr(0, equals), core::kHttpSpace);
    const std::string_view value = unquote(core::trim(parameter.substr(equals + 1), core::kHttpSpace));
    if (core::iequals_ascii(name, "charset")) {
      media.charset = value;
    } else if (core::iequals_ascii(name, "action")) {
      media.action = value;
    }
  }
  return media;
}

}  // namespace oofgate::facade
