#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "core/store/mailbox_snapshot.h"
#include "rest_facade/json/mailbox_members.h"

namespace oofgate::rest {

// Slots of core::RenderCache this facade owns (0..7). A slot holds the members of a body that
// the snapshot alone decides, as a complete JSON object (json/owned_body.h joins on the members
// naming the owner), so mailboxes sharing a snapshot share its renderings. They are the same in
// v1.0 and beta.
inline constexpr std::size_t kFullSettingsSlot = 0;

// The complex members clients read on their own (…/mailboxSettings/automaticRepliesSetting and
// the like) get slots too; primitive members are cheap enough to render each time.
inline std::optional<std::size_t> member_slot(MailboxMember member) {
  switch (member) {
    case MailboxMember::kAutomaticRepliesSetting:
      return 1;
    case MailboxMember::kWorkingHours:
      return 2;
    case MailboxMember::kLanguage:
      return 3;
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
