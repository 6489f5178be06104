#pragma once

#include <bitset>
#include <cstddef>
#include <optional>
#include <string_view>

namespace oofgate::rest {

// Graph: the members of microsoft.graph.mailboxSettings, in the order responses list them.
enum class MailboxMember : std::size_t {
  kArchiveFolder,
  kTimeZone,
  kDelegateMeetingMessageDeliveryOptions,
  kDateFormat,
  kTimeFormat,
  kUserPurpose,
  kAutomaticRepliesSetting,
  kLanguage,
  kWorkingHours,
};
inline constexpr std::size_t kMailboxMemberCount = 9;
using MemberSet = std::bitset<kMailboxMemberCount>;

inline MemberSet all_members() { return MemberSet{}.set(); }
inline bool contains(const MemberSet& set, MailboxMember member) { return set.test(static_cast<std::size_t>(member)); }
inline void insert(MemberSet& set, MailboxMember member) { set.set(static_cast<std::size_t>(member)); }

std::string_view member_name(MailboxMember member);
// Case-insensitive, as clients send MailboxSettings/TimeZone and friends.
std::optional<MailboxMember> member_from_name(std::string_view name);
// Complex members are answered as objects, the others as {"value": ...} on a property GET.
bool is_complex(MailboxMember member);
bool is_read_only(MailboxMember member);

}  // namespace oofgate::rest
