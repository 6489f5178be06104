#include "rest_facade/json/serializers.h"
#include "rest_facade/wire/wire_enums.h"

namespace oofgate::rest {

void write_member_value(JsonWriter& writer, const core::MailboxSettings& settings, MailboxMember member,
                        std::string_view archive_folder) {
  switch (member) {
    case MailboxMember::kArchiveFolder:
      write_string(writer, archive_folder);
      return;
    case MailboxMember::kTimeZone:
      write_string(writer, settings.time_zone);
      return;
    case MailboxMember::kDelegateMeetingMessageDeliveryOptions:
      write_string(writer, to_wire(settings.delegate_meeting_message_delivery));
      return;
    case MailboxMember::kDateFormat:
      write_string(writer, settings.date_format);
      return;
    case MailboxMember::kTimeFormat:
      write_string(writer, settings.time_format);
      return;
    case MailboxMember::kUserPurpose:
      // v1.0 documents a bare enum string; beta gets the same (no beta client needs the legacy wrapper).
      write_string(writer, to_wire(settings.user_purpose));
      return;
    case MailboxMember::kAutomaticRepliesSetting:
    case MailboxMember::kLanguage:
    case MailboxMember::kWorkingHours:
      writer.StartObject();
      write_complex_member_members(writer, settings, member);
      writer.EndObject();
      return;
  }
}

void write_complex_member_members(JsonWriter& writer, const core::MailboxSettings& settings, MailboxMember member) {
  switch (member) {
    case MailboxMember::kAutomaticRepliesSetting:
      write_automatic_replies_members(writer, settings.automatic_replies);
      return;
    case MailboxMember::kLanguage:
      write_locale_info_members(writer, settings.language);
      return;
    case MailboxMember::kWorkingHours:
      write_working_hours_members(writer, settings.working_hours);
      return;
    default:
      return;
  }
}

void write_mailbox_settings_members(JsonWriter& writer, const core::MailboxSettings& settings, const MemberSet& members,
                                    std::string_view archive_folder) {
  for (std::size_t i = 0; i < kMailboxMemberCount; ++i) {
    const auto member = static_cast<MailboxMember>(i);
    if (contains(members, member)) {
      write_key(writer, member_name(member));
      write_member_value(writer, settings, member, archive_folder);
    }
  }
}

void write_mailbox_settings(JsonWriter& writer, const core::MailboxSettings& settings,
                            std::string_view archive_folder) {
  writer.StartObject();
  write_mailbox_settings_members(writer, settings, all_members(), archive_folder);
  writer.EndObject();
}

void write_locale_info_members(JsonWriter& writer, const core::LocaleInfo& locale) {
  write_member(writer, "locale", locale.locale);
  write_member(writer, "displayName", locale.display_name);
}

}  // namespace oofgate::rest
