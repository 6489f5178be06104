#pragma once

#include "core/locale/locale_catalog.h"
#include "core/model/mailbox_settings.h"
#include "core/result.h"
#include "core/time/time_zone_db.h"

namespace oofgate::core {

// Whether a whole record may be stored as it is (`oofgate import`): every member passes the
// checks a write through either protocol passes (validate_patch), working hours start before
// they end, and a scheduled window ends after it starts. Unlike a write, a window in the past
// is kept: an exported store may be restored later.
Status check_stored_settings(const MailboxSettings& settings, const TimeZoneDb& zones, const LocaleCatalog& locales);

}  // namespace oofgate::core
