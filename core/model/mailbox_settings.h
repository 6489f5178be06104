#pragma once

#include <string>

#include "core/model/automatic_replies.h"
#include "core/model/enums.h"
#include "core/model/working_hours.h"

namespace oofgate::core {

// Graph: localeInfo.
struct LocaleInfo {
  std::string locale;
  std::string display_name;

  bool operator==(const LocaleInfo&) const = default;
};

// Settings that only the UM web service exposes (GetUMProperties and its setters).
struct UmSettings {
  bool missed_call_notification_enabled = true;
  std::string play_on_phone_dial_string;
  std::string telephone_access_numbers;
  std::string telephone_access_folder_email;
  std::string pin_hash;  // never the PIN itself

  bool operator==(const UmSettings&) const = default;
};

// Everything stored for one mailbox (archiveFolder is derived from the owner: archive_folder.h).
struct MailboxSettings {
  AutomaticReplies automatic_replies;
  std::string time_zone = "UTC";
  WorkingHours working_hours;
  LocaleInfo language;
  std::string date_format;
  std::string time_format;
  DelegateMeetingMessageDelivery delegate_meeting_message_delivery =
      DelegateMeetingMessageDelivery::kSendToDelegateOnly;
  UserPurpose user_purpose = UserPurpose::kUser;  // read-only
  UmSettings um;

  bool operator==(const MailboxSettings&) const = default;
};

}  // namespace oofgate::core
