#include "core/service/oof_projection.h"

namespace oofgate::core {

bool is_oof_active(const AutomaticReplies& replies, Instant now, const TimeZoneDb& zones) {
  switch (replies.state) {
    case OofState::kDisabled:
      return false;
    case OofState::kAlwaysEnabled:
      return true;
    case OofState::kScheduled: {
      const auto start = zones.to_instant(replies.scheduled_start);
      const auto end = zones.to_instant(replies.scheduled_end);
      return start && end && start.value() <= now && now < end.value();
    }
  }
  return false;
}

}  // namespace oofgate::core
