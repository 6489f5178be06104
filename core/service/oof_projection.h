#pragma once

#include "core/model/automatic_replies.h"
#include "core/model/date_time.h"
#include "core/time/time_zone_db.h"

namespace oofgate::core {

// UM OofStatus as a view of the one OOF model: on when replies are always enabled, or when
// they are scheduled and `now` lies in [start, end), both converted to instants in their zones.
bool is_oof_active(const AutomaticReplies& replies, Instant now, const TimeZoneDb& zones);

}  // namespace oofgate::core
