#pragma once

#include "core/locale/locale_catalog.h"
#include "core/model/mailbox_settings.h"
#include "core/model/mailbox_settings_patch.h"
#include "core/result.h"
#include "core/time/time_zone_db.h"

namespace oofgate::core {

// A write is split so that the store's committer only merges (issue 11): validate_patch() and
// resolve_stored_instants() do every parse, time-zone and locale lookup on the caller's thread;
// merge_patch() is what runs inside the store's mutation.

// Checks and normalizes every member on its own: time zones known, instants computed, limits.
// language.locale must be one the catalogue offers (matched case-insensitively, stored in the
// catalogue's spelling); language.displayName is always derived from it, never taken from the patch.
Result<ValidatedPatch> validate_patch(const MailboxSettingsPatch& patch, const TimeZoneDb& zones,
                                      const LocaleCatalog& locales);

// Whether merging the patch may re-check a scheduled window against a bound it keeps from the
// stored state (then the stored state is worth reading before queueing the write).
bool may_keep_stored_schedule(const ValidatedPatch& patch);
// Whether merging the patch into `current` needs a stored bound's instant the patch lacks.
bool needs_stored_instants(const ValidatedPatch& patch, const MailboxSettings& current);
// Adds the instants of the stored bounds that merging into `current` checks (time-zone lookups).
void resolve_stored_instants(ValidatedPatch& patch, const MailboxSettings& current, const TimeZoneDb& zones);

// Merges a validated patch into the current settings and runs the checks that depend on the
// stored state (working hours start before end; a scheduled window ends after it starts and in
// the future), without any time-zone or locale lookup. Either every member of the patch is
// applied or none is: a failure returns the first error and no settings.
Result<MailboxSettings> merge_patch(const MailboxSettings& current, const ValidatedPatch& patch, Instant now);

// All three steps at once, for callers that hold the current settings (tests, tools).
Result<MailboxSettings> apply_patch(const MailboxSettings& current, const MailboxSettingsPatch& patch, Instant now,
                                    const TimeZoneDb& zones, const LocaleCatalog& locales);

// Documented limits for customTimeZone members (Graph documents only Int32; these follow the
// Windows TIME_ZONE_INFORMATION and EWS semantics).
inline constexpr int kMaxBiasMinutes = 1440;
inline constexpr int kMaxTextLength = 4096;
inline constexpr std::size_t kMaxReplyMessageBytes = 128 * 1024;

}  // namespace oofgate::core
