#pragma once

#include "core/model/date_time.h"
#include "core/model/mailbox_settings.h"

namespace oofgate::core {

// What a mailbox that was never written reads as. The schedule defaults to the next day from
// `now` (floored to the hour), as Exchange shows for a mailbox that never scheduled replies.
// The same for every mailbox, so stores can share one copy among mailboxes never written.
MailboxSettings default_settings(Instant now);

}  // namespace oofgate::core
