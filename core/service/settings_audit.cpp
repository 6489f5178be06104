#include "core/service/settings_audit.h"

#include <openssl/evp.h>

#include <array>
#include <chrono>
#include <cstdio>

#include <date/date.h>

namespace oofgate::core {
namespace {

constexpr std::string_view kRedacted = "[redacted]";

std::string text_of(OofState state) {
  switch (state) {
    case OofState::kDisabled:
      return "disabled";
    case OofState::kAlwaysEnabled:
      return "always_enabled";
    case OofState::kScheduled:
      return "scheduled";
  }
  return "unknown";
}

std::string text_of(ExternalAudience audience) {
  switch (audience) {
    case ExternalAudience::kNone:
      return "none";
    case ExternalAudience::kContactsOnly:
      return "contacts_only";
    case ExternalAudience::kAll:
      return "all";
  }
  return "unknown";
}

std::string text_of(const DateTimeTimeZone& value) {
  return date::format("%FT%T", value.local) + " " + value.time_zone;
}

std::string text_of(TimeOfDay time) {
  const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(time).count();
  std::array<char, 16> text{};
  std::snprintf(text.data(), text.size(), "%02lld:%02lld", static_cast<long long>(minutes / 60),
                static_cast<long long>(minutes % 60));
  return text.data();
}

std::string text_of(const WorkingHours& hours) {
  static constexpr std::array<std::string_view, kDaysInWeek> kDays = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
  std::string text;
  for (const DayOfWeek day : hours.days_of_week) {
    text += text.empty() ? "" : ",";
    text += kDays[static_cast<std::size_t>(day) % kDays.size()];
  }
  text += " " + text_of(hours.start_time) + "-" + text_of(hours.end_time) + " ";
  if (const auto* named = std::get_if<NamedTimeZone>(&hours.time_zone)) {
    text += named->name;
  } else {
    const auto& custom = std::get<CustomTimeZone>(hours.time_zone);
    text += "custom:" + custom.name + " bias=" + std::to_string(custom.bias);
  }
  return text;
}

template <typename Value, typename Render>
void compare(std::vector<PropertyChange>& changes, std::string_view property, const Value& before, const Value& after,
             Render render) {
  if (!(before == after)) {
    changes.push_back(PropertyChange{std::string(property), render(before), render(after)});
  }
}

}  // namespace

std::string message_fingerprint(const std::string& text) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  EVP_Digest(text.data(), text.size(), digest.data(), &length, EVP_sha256(), nullptr);
  static constexpr std::string_view kHex = "0123456789abcdef";
  std::string out = "len=" + std::to_string(text.size()) + " sha256=";
  // 8 bytes (16 hex digits) tell two messages apart in a log without a way back to the text.
  for (unsigned int i = 0; i < 8 && i < length; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 0x0F];
  }
  return out;
}

std::vector<PropertyChange> diff_settings(const MailboxSettings& before, const MailboxSettings& after) {
  std::vector<PropertyChange> changes;
  const auto& old_replies = before.automatic_replies;
  const auto& new_replies = after.automatic_replies;
  const auto as_text = [](const auto& value) { return text_of(value); };
  const auto as_is = [](const std::string& value) { return value; };
  const auto as_flag = [](bool value) { return std::string(value ? "true" : "false"); };
  const auto as_number = [](auto value) { return std::to_string(static_cast<int>(value)); };
  compare(changes, "automatic_replies.state", old_replies.state, new_replies.state, as_text);
  compare(changes, "automatic_replies.external_audience", old_replies.external_audience, new_replies.external_audience,
          as_text);
  compare(changes, "automatic_replies.scheduled_start", old_replies.scheduled_start, new_replies.scheduled_start,
          as_text);
  compare(changes, "automatic_replies.scheduled_end", old_replies.scheduled_end, new_replies.scheduled_end, as_text);
  compare(changes, "automatic_replies.internal_reply_message", old_replies.internal_reply_message,
          new_replies.internal_reply_message, message_fingerprint);
  compare(changes, "automatic_replies.external_reply_message", old_replies.external_reply_message,
          new_replies.external_reply_message, message_fingerprint);
  compare(changes, "time_zone", before.time_zone, after.time_zone, as_is);
  compare(changes, "working_hours", before.working_hours, after.working_hours, as_text);
  compare(changes, "language", before.language.locale, after.language.locale, as_is);
  compare(changes, "date_format", before.date_format, after.date_format, as_is);
  compare(changes, "time_format", before.time_format, after.time_format, as_is);
  compare(changes, "delegate_meeting_message_delivery", before.delegate_meeting_message_delivery,
          after.delegate_meeting_message_delivery, as_number);
  compare(changes, "um.missed_call_notification_enabled", before.um.missed_call_notification_enabled,
          after.um.missed_call_notification_enabled, as_flag);
  compare(changes, "um.play_on_phone_dial_string", before.um.play_on_phone_dial_string,
          after.um.play_on_phone_dial_string, as_is);
  compare(changes, "um.telephone_access_folder_email", before.um.telephone_access_folder_email,
          after.um.telephone_access_folder_email, as_is);
  // A PIN hash is a secret's verifier: the log says it changed, never what it was or became.
  compare(changes, "um.pin", before.um.pin_hash, after.um.pin_hash,
          [](const std::string&) { return std::string(kRedacted); });
  return changes;
}

SettingsChange describe_change(const CommittedWrite& write) {
  return SettingsChange{write.origin, write.mailbox_id, diff_settings(write.before, write.after->settings)};
}

}  // namespace oofgate::core
