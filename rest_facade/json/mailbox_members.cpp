#include "rest_facade/json/mailbox_members.h"

#include <array>

#include "core/text/ascii.h"
#include "rest_facade/wire/wire_enums.h"

namespace oofgate::rest {
namespace {

constexpr std::array<std::string_view, kMailboxMemberCount> kNames = {
    "archiveFolder",
    "timeZone",
    "delegateMeetingMessageDeliveryOptions",
    "dateFormat",
    "timeFormat",
    "userPurpose",
    "automaticRepliesSetting",
    "language",
    "workingHours",
};

}  // namespace

std::string_view member_name(MailboxMember member) { return kNames[static_cast<std::size_t>(member)]; }

std::optional<MailboxMember> member_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (core::iequals_ascii(kNames[i], name)) {
      return static_cast<MailboxMember>(i);
    }
  }
  return std::nullopt;
}

bool is_complex(MailboxMember member) {
  return member == MailboxMember::kAutomaticRepliesSetting || member == MailboxMember::kLanguage ||
         member == MailboxMember::kWorkingHours;
}

bool is_read_only(MailboxMember member) {
  return member == MailboxMember::kArchiveFolder || member == MailboxMember::kUserPurpose;
}

}  // namespace oofgate::rest
