#pragma once

#include "rest_facade/routing/route.h"

namespace oofgate::rest {

// Graph: GET /{version}/{mailbox}/mailboxSettings[?$select=...]
void get_mailbox_settings(const RouteContext& context);
// Graph: PATCH /{version}/{mailbox}/mailboxSettings
void patch_mailbox_settings(const RouteContext& context);
// Graph: GET /{version}/{mailbox}/mailboxSettings/{property}
void get_mailbox_setting(const RouteContext& context);
// Graph: GET /{version}/{mailbox}/outlook/supportedTimeZones[(TimeZoneStandard=...)]
void get_supported_time_zones(const RouteContext& context);
// Graph: GET /{version}/{mailbox}/outlook/supportedLanguages[()]
void get_supported_languages(const RouteContext& context);
// Graph: GET /{version}/{mailbox}[?$select=mailboxSettings,...]
void get_user(const RouteContext& context);
// Graph: PATCH /{version}/{mailbox} (old SDKs nesting mailboxSettings): always refused.
void patch_user(const RouteContext& context);
// Graph: GET /{version}/users (only the documented failure for $select=mailboxSettings).
void list_users(const RouteContext& context);

}  // namespace oofgate::rest
