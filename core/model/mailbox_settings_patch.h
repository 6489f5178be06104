#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/model/date_time.h"
#include "core/model/enums.h"
#include "core/model/mailbox_settings.h"
#include "core/model/working_hours.h"

namespace oofgate::core {

// A partial update as parsed at a facade's edge: absent members keep their stored values.
struct AutomaticRepliesPatch {
  std::optional<OofState> state;
  std::optional<ExternalAudience> external_audience;
  std::optional<DateTimeTimeZoneInput> scheduled_start;
  std::optional<DateTimeTimeZoneInput> scheduled_end;
  std::optional<std::string> internal_reply_message;
  std::optional<std::string> external_reply_message;
};

struct WorkingHoursPatch {
  std::optional<std::vector<DayOfWeek>> days_of_week;
  std::optional<TimeOfDay> start_time;
  std::optional<TimeOfDay> end_time;
  std::optional<WorkingHoursTimeZone> time_zone;
};

struct LocalePatch {
  std::optional<std::string> locale;
  std::optional<std::string> display_name;
};

struct MailboxSettingsPatch {
  std::optional<AutomaticRepliesPatch> automatic_replies;
  std::optional<std::string> time_zone;
  std::optional<WorkingHoursPatch> working_hours;
  std::optional<LocalePatch> language;
  std::optional<std::string> date_format;
  std::optional<std::string> time_format;
  std::optional<DelegateMeetingMessageDelivery> delegate_meeting_message_delivery;
};

// A dateTimeTimeZone with the instant it denotes, computed before a write is queued so the
// store's committer compares instants and never consults the time-zone database. No instant:
// a stored value whose zone this time-zone database no longer knows.
struct ResolvedDateTime {
  DateTimeTimeZone value;
  std::optional<Instant> instant;
};

struct ValidatedAutomaticReplies {
  std::optional<OofState> state;
  std::optional<ExternalAudience> external_audience;
  std::optional<ResolvedDateTime> scheduled_start;
  std::optional<ResolvedDateTime> scheduled_end;
  std::optional<std::string> internal_reply_message;
  std::optional<std::string> external_reply_message;
};

// A patch whose every member was checked and normalized on the caller's thread (time zones
// known, instants computed, locale found in the catalogue, days deduplicated): what is left for
// the committer is a merge plus the checks that need the stored state (see merge_patch()).
struct ValidatedPatch {
  std::optional<ValidatedAutomaticReplies> automatic_replies;
  std::optional<std::string> time_zone;
  std::optional<WorkingHoursPatch> working_hours;
  std::optional<LocaleInfo> language;
  std::optional<std::string> date_format;
  std::optional<std::string> time_format;
  std::optional<DelegateMeetingMessageDelivery> delegate_meeting_message_delivery;
  // Instants of schedule bounds the patch keeps from the stored state, as read before queueing.
  std::vector<ResolvedDateTime> stored_instants;
};

}  // namespace oofgate::core
