#include "rest_facade/wire/wire_enums.h"

#include <array>
#include <utility>

#include "core/text/ascii.h"

namespace oofgate::rest {
namespace {

using core::DayOfWeek;
using core::DelegateMeetingMessageDelivery;
using core::ExternalAudience;
using core::OofState;
using core::UserPurpose;

template <typename Enum, std::size_t N>
using NameTable = std::array<std::pair<Enum, std::string_view>, N>;

constexpr NameTable<OofState, 3> kOofStates{{
    {OofState::kDisabled, "disabled"},
    {OofState::kAlwaysEnabled, "alwaysEnabled"},
    {OofState::kScheduled, "scheduled"},
}};

constexpr NameTable<ExternalAudience, 3> kExternalAudiences{{
    {ExternalAudience::kNone, "none"},
    {ExternalAudience::kContactsOnly, "contactsOnly"},
    {ExternalAudience::kAll, "all"},
}};

constexpr NameTable<DayOfWeek, 7> kDays{{
    {DayOfWeek::kSunday, "sunday"},
    {DayOfWeek::kMonday, "monday"},
    {DayOfWeek::kTuesday, "tuesday"},
    {DayOfWeek::kWednesday, "wednesday"},
    {DayOfWeek::kThursday, "thursday"},
    {DayOfWeek::kFriday, "friday"},
    {DayOfWeek::kSaturday, "saturday"},
}};

constexpr NameTable<DelegateMeetingMessageDelivery, 3> kDelegateDeliveries{{
    {DelegateMeetingMessageDelivery::kSendToDelegateAndInformationToPrincipal,
     "sendToDelegateAndInformationToPrincipal"},
    {DelegateMeetingMessageDelivery::kSendToDelegateAndPrincipal, "sendToDelegateAndPrincipal"},
    {DelegateMeetingMessageDelivery::kSendToDelegateOnly, "sendToDelegateOnly"},
}};

constexpr NameTable<UserPurpose, 7> kUserPurposes{{
    {UserPurpose::kUser, "user"},
    {UserPurpose::kLinked, "linked"},
    {UserPurpose::kShared, "shared"},
    {UserPurpose::kRoom, "room"},
    {UserPurpose::kEquipment, "equipment"},
    {UserPurpose::kOthers, "others"},
    {UserPurpose::kUnknownFutureValue, "unknownFutureValue"},
}};

template <typename Enum, std::size_t N>
std::string_view name_of(const NameTable<Enum, N>& table, Enum value) {
  for (const auto& [member, name] : table) {
    if (member == value) {
      return name;
    }
  }
  return {};
}

template <typename Enum, std::size_t N>
std::optional<Enum> parse(const NameTable<Enum, N>& table, std::string_view text) {
  for (const auto& [member, name] : table) {
    if (core::iequals_ascii(name, text)) {
      return member;
    }
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_wire(OofState value) { return name_of(kOofStates, value); }
std::string_view to_wire(ExternalAudience value) { return name_of(kExternalAudiences, value); }
std::string_view to_wire(DayOfWeek value) { return name_of(kDays, value); }
std::string_view to_wire(DelegateMeetingMessageDelivery value) { return name_of(kDelegateDeliveries, value); }
std::string_view to_wire(UserPurpose value) { return name_of(kUserPurposes, value); }

template <>
std::optional<OofState> enum_from_wire<OofState>(std::string_view text) {
  return parse(kOofStates, text);
}
template <>
std::optional<ExternalAudience> enum_from_wire<ExternalAudience>(std::string_view text) {
  return parse(kExternalAudiences, text);
}
template <>
std::optional<DayOfWeek> enum_from_wire<DayOfWeek>(std::string_view text) {
  return parse(kDays, text);
}
template <>
std::optional<DelegateMeetingMessageDelivery> enum_from_wire<DelegateMeetingMessageDelivery>(std::string_view text) {
  return parse(kDelegateDeliveries, text);
}

}  // namespace oofgate::rest
