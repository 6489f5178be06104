#pragma once

#include "core/model/mailbox_settings.h"
#include "rest_facade/json/json_writer.h"
#include "rest_facade/json/mailbox_members.h"

namespace oofgate::rest {

// One serializer per Graph wire type. The *_members forms write into an object the caller has
// opened, so a property GET can put @odata.context first.

// Graph: mailboxSettings (only the members in `members`, in response order). archiveFolder is
// the owner's (core::archive_folder_id), not part of the stored settings.
void write_mailbox_settings_members(JsonWriter& writer, const core::MailboxSettings& settings, const MemberSet& members,
                                    std::string_view archive_folder);
void write_mailbox_settings(JsonWriter& writer, const core::MailboxSettings& settings, std::string_view archive_folder);
// The value of one member: an object for complex members, a string otherwise.
void write_member_value(JsonWriter& writer, const core::MailboxSettings& settings, MailboxMember member,
                        std::string_view archive_folder);
// The members of a complex member's object (automaticRepliesSetting, language, workingHours).
void write_complex_member_members(JsonWriter& writer, const core::MailboxSettings& settings, MailboxMember member);

// Graph: automaticRepliesSetting.
void write_automatic_replies_members(JsonWriter& writer, const core::AutomaticReplies& replies);
// Graph: dateTimeTimeZone.
void write_date_time_time_zone(JsonWriter& writer, const core::DateTimeTimeZone& value);
// Graph: workingHours.
void write_working_hours_members(JsonWriter& writer, const core::WorkingHours& hours);
// Graph: timeZoneBase or customTimeZone (with its @odata.type).
void write_working_hours_time_zone(JsonWriter& writer, const core::WorkingHoursTimeZone& zone);
// Graph: localeInfo.
void write_locale_info_members(JsonWriter& writer, const core::LocaleInfo& locale);

}  // namespace oofgate::rest
