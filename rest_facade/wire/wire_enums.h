#pragma once

#include <optional>
#include <string_view>

#include "core/model/enums.h"

namespace oofgate::rest {

// Graph enum spellings. Input is matched case-insensitively; output is always the camelCase
// member name the Graph PATCH examples echo.
std::string_view to_wire(core::OofState value);          // Graph: automaticRepliesStatus
std::string_view to_wire(core::ExternalAudience value);  // Graph: externalAudienceScope
std::string_view to_wire(core::DayOfWeek value);         // Graph: dayOfWeek
std::string_view to_wire(core::DelegateMeetingMessageDelivery value);
std::string_view to_wire(core::UserPurpose value);  // Graph: userPurpose

template <typename Enum>
std::optional<Enum> enum_from_wire(std::string_view text);

template <>
std::optional<core::OofState> enum_from_wire<core::OofState>(std::string_view text);
template <>
std::optional<core::ExternalAudience> enum_from_wire<core::ExternalAudience>(std::string_view text);
template <>
std::optional<core::DayOfWeek> enum_from_wire<core::DayOfWeek>(std::string_view text);
template <>
std::optional<core::DelegateMeetingMessageDelivery> enum_from_wire<core::DelegateMeetingMessageDelivery>(
    std::string_view text);

}  // namespace oofgate::rest
