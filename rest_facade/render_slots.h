#pragma once

#include <cstddef>

#include "rest_facade/odata_context.h"

namespace oofgate::rest {

// Slots of core::RenderCache this facade owns (0..7). A slot holds a complete response body
// rendered from that snapshot; bodies name the owner's object id, so /me and /users share them.
inline constexpr std::size_t kFullSettingsV1Slot = 0;
inline constexpr std::size_t kFullSettingsBetaSlot = 1;

inline std::size_t full_settings_slot(ApiVersion version) {
  return version == ApiVersion::kBeta ? kFullSettingsBetaSlot : kFullSettingsV1Slot;
}

}  // namespace oofgate::rest
