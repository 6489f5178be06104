#pragma once

#include "core/locale/locale_catalog.h"
#include "core/model/mailbox_settings.h"
#include "core/model/mailbox_settings_patch.h"
#include "core/result.h"
#include "core/time/time_zone_db.h"

namespace oofgate::core {

// Merges a patch into the current settings and validates the result. Either every member of
// the patch is applied or none is: a failure returns the first error and no settings.
// language.locale must be one the catalogue offers (matched case-insensitively, stored in the
// catalogue's spelling); language.displayName is always derived from it, never taken from the patch.
Result<MailboxSettings> apply_patch(const MailboxSettings& current, const MailboxSettingsPatch& patch, Instant now,
                                    const TimeZoneDb& zones, const LocaleCatalog& locales);

// Documented limits for customTimeZone members (Graph documents only Int32; these follow the
// Windows TIME_ZONE_INFORMATION and EWS semantics).
inline constexpr int kMaxBiasMinutes = 1440;
inline constexpr int kMaxTextLength = 4096;
inline constexpr std::size_t kMaxReplyMessageBytes = 128 * 1024;

}  // namespace oofgate::core
