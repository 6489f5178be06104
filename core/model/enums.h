#pragma once

#include <cstdint>

namespace oofgate::core {

// Graph: automaticRepliesStatus; EWS: OofState. UM's OofStatus boolean is a projection of it.
enum class OofState : std::uint8_t { kDisabled, kAlwaysEnabled, kScheduled };

// Graph: externalAudienceScope; EWS: ExternalAudience (None/Known/All).
enum class ExternalAudience : std::uint8_t { kNone, kContactsOnly, kAll };

// Graph: dayOfWeek. Numbered like std::chrono::weekday (Sunday = 0).
enum class DayOfWeek : std::uint8_t { kSunday, kMonday, kTuesday, kWednesday, kThursday, kFriday, kSaturday };
inline constexpr int kDaysInWeek = 7;

// Graph: delegateMeetingMessageDeliveryOptions.
enum class DelegateMeetingMessageDelivery : std::uint8_t {
  kSendToDelegateAndInformationToPrincipal,
  kSendToDelegateAndPrincipal,
  kSendToDelegateOnly,
};

// Graph: userPurpose (read-only).
enum class UserPurpose : std::uint8_t { kUser, kLinked, kShared, kRoom, kEquipment, kOthers, kUnknownFutureValue };

}  // namespace oofgate::core
