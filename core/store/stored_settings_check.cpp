#include "core/store/stored_settings_check.h"

#include "core/model/mailbox_settings_patch.h"
#include "core/service/settings_validation.h"
#include "core/text/utf8.h"

namespace oofgate::core {
namespace {

DateTimeTimeZoneInput as_input(const DateTimeTimeZone& value) { return {value.local, std::nullopt, value.time_zone}; }

// The record as a patch that sets every member a client can set.
MailboxSettingsPatch as_full_patch(const MailboxSettings& settings) {
  const AutomaticReplies& replies = settings.automatic_replies;
  MailboxSettingsPatch patch;
  patch.automatic_replies = AutomaticRepliesPatch{replies.state,
                                                  replies.external_audience,
                                                  as_input(replies.scheduled_start),
                                                  as_input(replies.scheduled_end),
                                                  replies.internal_reply_message,
                                                  replies.external_reply_message};
  patch.time_zone = settings.time_zone;
  const WorkingHours& hours = settings.working_hours;
  patch.working_hours = WorkingHoursPatch{hours.days_of_week, hours.start_time, hours.end_time, hours.time_zone};
  patch.language = LocalePatch{settings.language.locale, std::nullopt};
  patch.date_format = settings.date_format;
  patch.time_format = settings.time_format;
  patch.delegate_meeting_message_delivery = settings.delegate_meeting_message_delivery;
  return patch;
}

}  // namespace

Status check_stored_settings(const MailboxSettings& settings, const TimeZoneDb& zones, const LocaleCatalog& locales) {
  auto valid = validate_patch(as_full_patch(settings), zones, locales);
  if (!valid) {
    return valid.error();
  }
  const WorkingHoursPatch& hours = *valid.value().working_hours;
  if (*hours.days_of_week != settings.working_hours.days_of_week) {
    return Error{ErrorCode::kInvalidArgument, "workingHours.daysOfWeek names a day twice"};
  }
  if (settings.working_hours.start_time >= settings.working_hours.end_time) {
    return Error{ErrorCode::kInvalidTimeSettings, "Start Time should occur before End Time."};
  }
  if (valid.value().language->locale != settings.language.locale) {
    return Error{ErrorCode::kInvalidArgument, "The locale '" + settings.language.locale +
                                                  "' is not spelled as the "
                                                  "catalogue spells it ('" +
                                                  valid.value().language->locale + "')."};
  }
  const ValidatedAutomaticReplies& replies = *valid.value().automatic_replies;
  if (settings.automatic_replies.state == OofState::kScheduled &&
      !(replies.scheduled_start->instant < replies.scheduled_end->instant)) {
    return Error{ErrorCode::kInvalidScheduledDuration,
                 "The scheduled duration for sending automatic replies isn't valid."};
  }
  const UmSettings& um = settings.um;
  for (const std::string* text : {&um.play_on_phone_dial_string, &um.telephone_access_numbers,
                                  &um.telephone_access_folder_email, &um.pin_hash, &settings.language.display_name}) {
    if (!is_valid_utf8(*text) || text->size() > kMaxTextLength) {
      return Error{ErrorCode::kInvalidArgument, "A text value is not UTF-8 or longer than 4096 bytes."};
    }
  }
  return ok_status();
}

}  // namespace oofgate::core
