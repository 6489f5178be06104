#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "core/store/mailbox_snapshot.h"
#include "rest_facade/json/mailbox_members.h"
#include "rest_facade/odata_context.h"

namespace oofgate::rest {

// Slots of core::RenderCache this facade owns (0..7). A slot holds a complete response body
// rendered from that snapshot; bodies name the owner's object id, so /me and /users share them.
inline constexpr std::size_t kFullSettingsV1Slot = 0;
inline constexpr std::size_t kFullSettingsBetaSlot = 1;

inline std::size_t full_settings_slot(ApiVersion version) {
  return version == ApiVersion::kBeta ? kFullSettingsBetaSlot : kFullSettingsV1Slot;
}

// The complex members clients read on their own (…/mailboxSettings/automaticRepliesSetting and
// the like) get slots too; primitive members are cheap enough to render each time.
inline std::optional<std::size_t> member_slot(ApiVersion version, MailboxMember member) {
  const std::size_t beta = version == ApiVersion::kBeta ? 1 : 0;
  switch (member) {
    case MailboxMember::kAutomaticRepliesSetting:
      return 2 + beta;
    case MailboxMember::kWorkingHours:
      return 4 + beta;
    case MailboxMember::kLanguage:
      return 6 + beta;
    default:
      return std::nullopt;
  }
}

// The body in `slot` of this snapshot, rendering and keeping it on first use. Two threads may
// render the same body at once; both results are identical, so either may stay.
template <typename Render>
std::shared_ptr<const std::string> cached_body(const core::MailboxSnapshot& snapshot, std::size_t slot,
                                               Render&& render) {
  auto cached = snapshot.render_cache.get(slot);
  if (!cached) {
    cached = std::make_shared<const std::string>(std::forward<Render>(render)());
    snapshot.render_cache.put(slot, cached);
  }
  return cached;
}

}  // namespace oofgate::rest
