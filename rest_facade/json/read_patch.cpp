#include "rest_facade/json/read_patch.h"

#include "core/text/ascii.h"
#include "rest_facade/json/body_reader.h"
#include "rest_facade/json/parse_json.h"
#include "rest_facade/json/read_working_hours.h"
#include "rest_facade/wire/wire_time.h"

namespace oofgate::rest {
namespace {

constexpr std::string_view kDateTimeOffsetType = "Edm.DateTimeOffset";

// Graph: dateTimeTimeZone.
bool read_date_time_time_zone(BodyReader& reader, const JsonValue& value, std::string_view name,
                              core::DateTimeTimeZoneInput& out) {
  if (!reader.expect_object(value, name, "microsoft.graph.dateTimeTimeZone")) {
    return false;
  }
  bool has_date_time = false;
  const bool ok = reader.for_each_member(value, "microsoft.graph.dateTimeTimeZone",
                                         [&](std::string_view member, const JsonValue& v) {
                                           if (core::iequals_ascii(member, "dateTime")) {
                                             std::string text;
                                             if (!reader.read_string(v, member, text)) {
                                               return false;
                                             }
                                             const auto parsed = parse_date_time(text);
                                             if (!parsed) {
                                               return reader.fail(literal_conversion_error(text, kDateTimeOffsetType));
                                             }
                                             out.local = parsed->local;
                                             out.utc_offset = parsed->utc_offset;
                                             has_date_time = true;
                                             return true;
                                           }
                                           if (core::iequals_ascii(member, "timeZone")) {
                                             return reader.read_string(v, member, out.time_zone);
                                           }
                                           return false;
                                         });
  if (ok && !has_date_time) {
    return reader.fail(literal_conversion_error("", kDateTimeOffsetType));
  }
  return ok;
}

// Graph: automaticRepliesSetting.
bool read_automatic_replies(BodyReader& reader, const JsonValue& value, core::AutomaticRepliesPatch& out) {
  constexpr std::string_view kType = "microsoft.graph.automaticRepliesSetting";
  if (!reader.expect_object(value, "automaticRepliesSetting", kType)) {
    return false;
  }
  return reader.for_each_member(value, kType, [&](std::string_view member, const JsonValue& v) {
    if (core::iequals_ascii(member, "status")) {
      return reader.read_enum(v, member, "microsoft.graph.automaticRepliesStatus", out.state.emplace());
    }
    if (core::iequals_ascii(member, "externalAudience")) {
      return reader.read_enum(v, member, "microsoft.graph.externalAudienceScope", out.external_audience.emplace());
    }
    if (core::iequals_ascii(member, "internalReplyMessage")) {
      return reader.read_string(v, member, out.internal_reply_message.emplace());
    }
    if (core::iequals_ascii(member, "externalReplyMessage")) {
      return reader.read_string(v, member, out.external_reply_message.emplace());
    }
    if (core::iequals_ascii(member, "scheduledStartDateTime")) {
      return read_date_time_time_zone(reader, v, member, out.scheduled_start.emplace());
    }
    if (core::iequals_ascii(member, "scheduledEndDateTime")) {
      return read_date_time_time_zone(reader, v, member, out.scheduled_end.emplace());
    }
    return false;
  });
}

// Graph: localeInfo.
bool read_locale(BodyReader& reader, const JsonValue& value, core::LocalePatch& out) {
  constexpr std::string_view kType = "microsoft.graph.localeInfo";
  if (!reader.expect_object(value, "language", kType)) {
    return false;
  }
  return reader.for_each_member(value, kType, [&](std::string_view member, const JsonValue& v) {
    if (core::iequals_ascii(member, "locale")) {
      return reader.read_string(v, member, out.locale.emplace());
    }
    if (core::iequals_ascii(member, "displayName")) {
      return reader.read_string(v, member, out.display_name.emplace());
    }
    return false;
  });
}

bool read_member(BodyReader& reader, MailboxMember member, const JsonValue& value, core::MailboxSettingsPatch& patch) {
  const auto name = member_name(member);
  switch (member) {
    case MailboxMember::kArchiveFolder:
    case MailboxMember::kUserPurpose: {
      // Read-only: type-checked so garbage is still refused, then ignored.
      std::string ignored;
      return reader.read_string(value, name, ignored);
    }
    case MailboxMember::kTimeZone:
      return reader.read_string(value, name, patch.time_zone.emplace());
    case MailboxMember::kDateFormat:
      return reader.read_string(value, name, patch.date_format.emplace());
    case MailboxMember::kTimeFormat:
      return reader.read_string(value, name, patch.time_format.emplace());
    case MailboxMember::kDelegateMeetingMessageDeliveryOptions:
      return reader.read_enum(value, name, "microsoft.graph.delegateMeetingMessageDeliveryOptions",
                              patch.delegate_meeting_message_delivery.emplace());
    case MailboxMember::kAutomaticRepliesSetting:
      return read_automatic_replies(reader, value, patch.automatic_replies.emplace());
    case MailboxMember::kLanguage:
      return read_locale(reader, value, patch.language.emplace());
    case MailboxMember::kWorkingHours:
      return read_working_hours(reader, value, patch.working_hours.emplace());
  }
  return false;
}

}  // namespace

std::variant<ParsedPatch, GraphError> read_mailbox_settings_patch(std::string_view body, const JsonLimits& limits) {
  auto parsed_body = parse_json_body(body, limits);
  if (auto* error = std::get_if<GraphError>(&parsed_body)) {
    return std::move(*error);
  }
  const auto& document = std::get<rapidjson::Document>(parsed_body);
  BodyReader reader;
  if (!reader.expect_object(document, "mailboxSettings", "microsoft.graph.mailboxSettings")) {
    return reader.error();
  }
  ParsedPatch parsed;
  const bool ok = reader.for_each_member(document, "microsoft.graph.mailboxSettings",
                                         [&](std::string_view name, const JsonValue& value) {
                                           const auto member = member_from_name(name);
                                           if (!member) {
                                             return false;
                                           }
                                           insert(parsed.members, *member);
                                           return read_member(reader, *member, value, parsed.patch);
                                         });
  if (!ok) {
    return reader.error();
  }
  return parsed;
}

}  // namespace oofgate::rest
