#pragma once

#include "core/directory/user.h"
#include "core/model/date_time.h"
#include "core/model/mailbox_settings.h"

namespace oofgate::core {

// What a mailbox that was never written reads as. The schedule defaults to the next day from
// `now` (floored to the hour), as Exchange shows for a mailbox that never scheduled replies.
MailboxSettings default_settings(const User& user, Instant now);

}  // namespace oofgate::core
