#include "core/service/settings_validation.h"

#include <algorithm>
#include <cctype>
#include <chrono>

#include "core/text/utf8.h"

namespace oofgate::core {
namespace {

using namespace std::chrono_literals;

Error invalid_time_zone() { return Error{ErrorCode::kInvalidTimeZone, "Time Zone settings provided are invalid."}; }
Error invalid_schedule() {
  return Error{ErrorCode::kInvalidScheduledDuration,
               "The scheduled duration for sending automatic replies isn't valid."};
}

// Whatever is stored is written back to clients of both protocols, so it must be UTF-8 already.
Error not_utf8() { return Error{ErrorCode::kInvalidArgument, "The value is not valid UTF-8."}; }

Error out_of_range() {
  return Error{ErrorCode::kInvalidArgument,
               "The date and time must lie between 0001-01-01T00:00:00 and 9999-12-31T23:59:59.9999999 UTC, in the "
               "stated time zone and in UTC."};
}

Result<DateTimeTimeZone> normalize(const DateTimeTimeZoneInput& input, const TimeZoneDb& zones) {
  if (!zones.is_known(input.time_zone)) {
    return invalid_time_zone();
  }
  DateTimeTimeZone value{input.local, input.time_zone};
  if (input.utc_offset) {
    // An explicit offset names an instant; show it as wall-clock time in the stated zone.
    const Instant instant{input.local.time_since_epoch() - std::chrono::duration_cast<Ticks>(*input.utc_offset)};
    if (!in_supported_range(instant)) {
      return out_of_range();
    }
    auto shown = zones.from_instant(instant, input.time_zone);
    if (!shown) {
      return shown.error();
    }
    value = std::move(shown).value();
  }
  // Both the reading and its instant must be in range, or a later read (in either protocol)
  // could not render it, nor a client send it back.
  const auto instant = zones.to_instant(value);
  if (!instant) {
    return instant.error();
  }
  if (!in_supported_range(value.local) || !in_supported_range(instant.value())) {
    return out_of_range();
  }
  return value;
}

Result<ResolvedDateTime> resolve(const DateTimeTimeZoneInput& input, const TimeZoneDb& zones) {
  auto value = normalize(input, zones);
  if (!value) {
    return value.error();
  }
  auto instant = zones.to_instant(value.value());
  if (!instant) {
    return instant.error();
  }
  return ResolvedDateTime{std::move(value).value(), instant.value()};
}

Result<ValidatedAutomaticReplies> validate_automatic_replies(const AutomaticRepliesPatch& patch,
                                                             const TimeZoneDb& zones) {
  ValidatedAutomaticReplies valid{patch.state, patch.external_audience, {}, {}, {}, {}};
  for (auto [input, field] : {std::pair{&patch.scheduled_start, &valid.scheduled_start},
                              std::pair{&patch.scheduled_end, &valid.scheduled_end}}) {
    if (*input) {
      auto value = resolve(**input, zones);
      if (!value) {
        return value.error();
      }
      *field = std::move(value).value();
    }
  }
  for (auto [input, field] : {std::pair{&patch.internal_reply_message, &valid.internal_reply_message},
                              std::pair{&patch.external_reply_message, &valid.external_reply_message}}) {
    if (*input) {
      if ((*input)->size() > kMaxReplyMessageBytes) {
        return Error{ErrorCode::kInvalidArgument, "The reply message is too long."};
      }
      if (!is_valid_utf8(**input)) {
        return not_utf8();
      }
      *field = **input;
    }
  }
  return valid;
}

// The stored schedule bounds that merging `patch` into `current` checks: those of a scheduled
// result that the patch does not replace.
std::vector<const DateTimeTimeZone*> kept_schedule_bounds(const ValidatedPatch& patch, const MailboxSettings& current) {
  const auto& replies = patch.automatic_replies;
  if (!replies || replies->state.value_or(current.automatic_replies.state) != OofState::kScheduled) {
    return {};
  }
  std::vector<const DateTimeTimeZone*> kept;
  if (!replies->scheduled_start) {
    kept.push_back(&current.automatic_replies.scheduled_start);
  }
  if (!replies->scheduled_end) {
    kept.push_back(&current.automatic_replies.scheduled_end);
  }
  return kept;
}

const ResolvedDateTime* stored_instant(const ValidatedPatch& patch, const DateTimeTimeZone& value) {
  const auto found = std::find_if(patch.stored_instants.begin(), patch.stored_instants.end(),
                                  [&](const ResolvedDateTime& known) { return known.value == value; });
  return found == patch.stored_instants.end() ? nullptr : &*found;
}

Status merge_automatic_replies(AutomaticReplies& target, const ValidatedPatch& patch, Instant now) {
  const ValidatedAutomaticReplies& replies = *patch.automatic_replies;
  // Before any member changes, so a kept bound is looked up by its stored value.
  const ResolvedDateTime* kept_start =
      replies.scheduled_start ? &*replies.scheduled_start : stored_instant(patch, target.scheduled_start);
  const ResolvedDateTime* kept_end =
      replies.scheduled_end ? &*replies.scheduled_end : stored_instant(patch, target.scheduled_end);
  if (replies.state) {
    target.state = *replies.state;
  }
  if (replies.external_audience) {
    target.external_audience = *replies.external_audience;
  }
  for (auto [input, field] : {std::pair{&replies.scheduled_start, &target.scheduled_start},
                              std::pair{&replies.scheduled_end, &target.scheduled_end}}) {
    if (*input) {
      *field = (*input)->value;
    }
  }
  for (auto [input, field] : {std::pair{&replies.internal_reply_message, &target.internal_reply_message},
                              std::pair{&replies.external_reply_message, &target.external_reply_message}}) {
    if (*input) {
      *field = **input;
    }
  }
  // Graph: scheduled replies may only be set for a future date range.
  if (target.state == OofState::kScheduled) {
    if (kept_start == nullptr || kept_end == nullptr) {
      return Error{ErrorCode::kInternal, "a schedule bound was merged without its instant"};
    }
    const auto& start = kept_start->instant;
    const auto& end = kept_end->instant;
    if (!start || !end || *end <= *start || *end <= now) {
      return invalid_schedule();
    }
  }
  return ok_status();
}

bool valid_transition(const TimeZoneTransition& t) {
  return t.time >= Ticks::zero() && t.time < std::chrono::duration_cast<Ticks>(24h) && t.day_occurrence >= 1 &&
         t.day_occurrence <= 5 && t.month >= 1 && t.month <= 12 && (t.year == 0 || (t.year >= 1601 && t.year <= 9999));
}

Status validate_zone(const WorkingHoursTimeZone& zone, const TimeZoneDb& zones) {
  if (const auto* named = std::get_if<NamedTimeZone>(&zone)) {
    return zones.is_known(named->name) ? ok_status() : Status(invalid_time_zone());
  }
  const auto& custom = std::get<CustomTimeZone>(zone);
  const bool ok = custom.bias >= -kMaxBiasMinutes && custom.bias <= kMaxBiasMinutes &&
                  custom.name.size() <= kMaxTextLength && is_valid_utf8(custom.name) &&
                  (!custom.standard_offset || valid_transition(*custom.standard_offset)) &&
                  (!custom.daylight_offset || (valid_transition(custom.daylight_offset->transition) &&
                                               custom.daylight_offset->daylight_bias >= -kMaxBiasMinutes &&
                                               custom.daylight_offset->daylight_bias <= kMaxBiasMinutes));
  return ok ? ok_status() : Status(invalid_time_zone());
}

Result<WorkingHoursPatch> validate_working_hours(const WorkingHoursPatch& patch, const TimeZoneDb& zones) {
  WorkingHoursPatch valid = patch;
  if (patch.days_of_week) {
    std::vector<DayOfWeek> days;
    for (auto day : *patch.days_of_week) {
      if (std::find(days.begin(), days.end(), day) == days.end()) {
        days.push_back(day);
      }
    }
    valid.days_of_week = std::move(days);
  }
  if (patch.time_zone) {
    if (auto s = validate_zone(*patch.time_zone, zones); !s) {
      return s.error();
    }
  }
  return valid;
}

Status merge_working_hours(WorkingHours& target, const WorkingHoursPatch& patch) {
  if (patch.days_of_week) {
    target.days_of_week = *patch.days_of_week;
  }
  if (patch.start_time) {
    target.start_time = *patch.start_time;
  }
  if (patch.end_time) {
    target.end_time = *patch.end_time;
  }
  if (patch.time_zone) {
    target.time_zone = *patch.time_zone;
  }
  if (target.start_time >= target.end_time) {
    return Error{ErrorCode::kInvalidTimeSettings, "Start Time should occur before End Time."};
  }
  return ok_status();
}

bool valid_locale_tag(const std::string& tag) {
  // BCP 47 shape: a 2-3 letter language, then 2-8 character subtags (e.g. az-Latn-AZ).
  std::size_t start = 0;
  bool first = true;
  while (start <= tag.size()) {
    const auto end = std::min(tag.find('-', start), tag.size());
    const auto length = end - start;
    const auto part = tag.substr(start, length);
    const bool alnum = std::all_of(part.begin(), part.end(), [](unsigned char c) { return std::isalnum(c) != 0; });
    const bool alpha = std::all_of(part.begin(), part.end(), [](unsigned char c) { return std::isalpha(c) != 0; });
    if (first ? !(alpha && length >= 2 && length <= 3) : !(alnum && length >= 2 && length <= 8)) {
      return false;
    }
    first = false;
    start = end + 1;
  }
  return true;
}

Status validate_text(const std::optional<std::string>& value) {
  if (value && (value->empty() || value->size() > kMaxTextLength)) {
    return Error{ErrorCode::kInvalidArgument, "The value must be a non-empty string of at most 4096 bytes."};
  }
  if (value && !is_valid_utf8(*value)) {
    return not_utf8();
  }
  return ok_status();
}

}  // namespace

Result<ValidatedPatch> validate_patch(const MailboxSettingsPatch& patch, const TimeZoneDb& zones,
                                      const LocaleCatalog& locales) {
  ValidatedPatch valid;
  if (patch.automatic_replies) {
    auto replies = validate_automatic_replies(*patch.automatic_replies, zones);
    if (!replies) {
      return replies.error();
    }
    valid.automatic_replies = std::move(replies).value();
  }
  if (patch.time_zone) {
    if (!zones.is_known(*patch.time_zone)) {
      return invalid_time_zone();
    }
    valid.time_zone = *patch.time_zone;
  }
  if (patch.working_hours) {
    auto hours = validate_working_hours(*patch.working_hours, zones);
    if (!hours) {
      return hours.error();
    }
    valid.working_hours = std::move(hours).value();
  }
  // Graph: localeInfo.displayName is server-derived, so a displayName in the patch is ignored.
  if (patch.language && patch.language->locale) {
    const std::string& tag = *patch.language->locale;
    if (!valid_locale_tag(tag)) {
      return Error{ErrorCode::kInvalidArgument, "The locale '" + tag + "' is not valid."};
    }
    const LocaleInfo* offered = locales.find(tag);
    if (offered == nullptr) {
      return Error{
          ErrorCode::kInvalidArgument,
          "The locale '" + tag + "' is not supported. GET outlook/supportedLanguages lists the supported ones."};
    }
    valid.language = *offered;
  }
  for (const auto* text : {&patch.date_format, &patch.time_format}) {
    if (auto s = validate_text(*text); !s) {
      return s.error();
    }
  }
  valid.date_format = patch.date_format;
  valid.time_format = patch.time_format;
  valid.delegate_meeting_message_delivery = patch.delegate_meeting_message_delivery;
  return valid;
}

bool may_keep_stored_schedule(const ValidatedPatch& patch) {
  const auto& replies = patch.automatic_replies;
  return replies && (!replies->scheduled_start || !replies->scheduled_end) &&
         replies->state.value_or(OofState::kScheduled) == OofState::kScheduled;
}

bool needs_stored_instants(const ValidatedPatch& patch, const MailboxSettings& current) {
  const auto kept = kept_schedule_bounds(patch, current);
  return std::any_of(kept.begin(), kept.end(),
                     [&](const DateTimeTimeZone* bound) { return stored_instant(patch, *bound) == nullptr; });
}

void resolve_stored_instants(ValidatedPatch& patch, const MailboxSettings& current, const TimeZoneDb& zones) {
  for (const DateTimeTimeZone* bound : kept_schedule_bounds(patch, current)) {
    if (stored_instant(patch, *bound) == nullptr) {
      auto instant = zones.to_instant(*bound);
      patch.stored_instants.push_back(
          ResolvedDateTime{*bound, instant ? std::optional<Instant>(instant.value()) : std::nullopt});
    }
  }
}

Result<MailboxSettings> merge_patch(const MailboxSettings& current, const ValidatedPatch& patch, Instant now) {
  MailboxSettings next = current;
  if (patch.automatic_replies) {
    if (auto s = merge_automatic_replies(next.automatic_replies, patch, now); !s) {
      return s.error();
    }
  }
  if (patch.time_zone) {
    next.time_zone = *patch.time_zone;
  }
  if (patch.working_hours) {
    if (auto s = merge_working_hours(next.working_hours, *patch.working_hours); !s) {
      return s.error();
    }
  }
  if (patch.language) {
    next.language = *patch.language;
  }
  if (patch.date_format) {
    next.date_format = *patch.date_format;
  }
  if (patch.time_format) {
    next.time_format = *patch.time_format;
  }
  if (patch.delegate_meeting_message_delivery) {
    next.delegate_meeting_message_delivery = *patch.delegate_meeting_message_delivery;
  }
  return next;
}

Result<MailboxSettings> apply_patch(const MailboxSettings& current, const MailboxSettingsPatch& patch, Instant now,
                                    const TimeZoneDb& zones, const LocaleCatalog& locales) {
  auto valid = validate_patch(patch, zones, locales);
  if (!valid) {
    return valid.error();
  }
  resolve_stored_instants(valid.value(), current, zones);
  return merge_patch(current, valid.value(), now);
}

}  // namespace oofgate::core
