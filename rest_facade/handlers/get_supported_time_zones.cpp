#include <chrono>
#include <cstdio>

#include <date/tz.h>

#include "core/text/ascii.h"
#include "rest_facade/handlers/handlers.h"
#include "rest_facade/handlers/mailbox_access.h"
#include "rest_facade/json/json_writer.h"
#include "rest_facade/wire/wire_enums.h"

namespace oofgate::rest {
namespace {

enum class TimeZoneStandard { kWindows, kIana };

// "TimeZoneStandard=microsoft.graph.timeZoneStandard'Iana'" (v1.0 enum literal) or
// "TimeZoneStandard='Iana'" (beta documents a String); empty means the Windows default.
std::optional<TimeZoneStandard> standard_from_args(const std::optional<std::string>& args) {
  if (!args || args->empty()) {
    return TimeZoneStandard::kWindows;
  }
  std::string_view text = *args;
  const auto equals = text.find('=');
  if (equals == std::string_view::npos || !core::iequals_ascii(text.substr(0, equals), "TimeZoneStandard")) {
    return std::nullopt;
  }
  text.remove_prefix(equals + 1);
  constexpr std::string_view kEnumPrefix = "microsoft.graph.timeZoneStandard";
  if (text.size() >= kEnumPrefix.size() && core::iequals_ascii(text.substr(0, kEnumPrefix.size()), kEnumPrefix)) {
    text.remove_prefix(kEnumPrefix.size());
  }
  if (text.size() >= 2 && text.front() == '\'' && text.back() == '\'') {
    text = text.substr(1, text.size() - 2);
  }
  if (core::iequals_ascii(text, "Windows")) {
    return TimeZoneStandard::kWindows;
  }
  if (core::iequals_ascii(text, "Iana")) {
    return TimeZoneStandard::kIana;
  }
  return std::nullopt;
}

// CLDR carries no Windows display names, so oofgate shows "(UTC+hh:mm) <Windows id>" with the
// zone's standard (non-DST) offset at the current instant.
std::string windows_display_name(const date::time_zone* zone, const std::string& windows_id, core::Instant now) {
  if (zone == nullptr) {
    return windows_id;
  }
  const auto info = zone->get_info(std::chrono::time_point_cast<std::chrono::seconds>(now));
  const auto standard = std::chrono::duration_cast<std::chrono::minutes>(info.offset - info.save);
  const auto magnitude = standard.count() < 0 ? -standard.count() : standard.count();
  char prefix[64];
  std::snprintf(prefix, sizeof prefix, "(UTC%c%02lld:%02lld) ", standard.count() < 0 ? '-' : '+',
                static_cast<long long>(magnitude / 60), static_cast<long long>(magnitude % 60));
  return prefix + windows_id;
}

}  // namespace

void get_supported_time_zones(const RouteContext& context) {
  // Graph: User.Read is the least privileged permission for this call.
  const auto* owner = authorize_or_reply(context, core::Access::kProfile);
  if (owner == nullptr) {
    return;
  }
  const auto standard = standard_from_args(context.match.function_args);
  if (!standard) {
    context.reply->send_error(requested_value_not_found_error(context.match.function_args.value_or("")));
    return;
  }
  const auto& zones = context.service.time_zones();
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  write_member(writer, "@odata.context",
               metadata_context(context.match.version, "Collection(microsoft.graph.timeZoneInformation)"));
  write_key(writer, "value");
  writer.StartArray();
  if (*standard == TimeZoneStandard::kWindows) {
    const auto now = context.service.clock().now();
    for (const auto& zone : zones.windows_zones()) {
      writer.StartObject();
      write_member(writer, "alias", zone.windows_id);
      write_member(writer, "displayName", windows_display_name(zones.find(zone.windows_id), zone.windows_id, now));
      writer.EndObject();
    }
  } else {
    // Graph: in IANA form the display name is the alias itself.
    for (const auto& name : zones.iana_names()) {
      writer.StartObject();
      write_member(writer, "alias", name);
      write_member(writer, "displayName", name);
      writer.EndObject();
    }
  }
  writer.EndArray();
  writer.EndObject();
  context.reply->send_json(boost::beast::http::status::ok, take_json(buffer));
}

}  // namespace oofgate::rest
