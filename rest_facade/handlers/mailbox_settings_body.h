#pragma once

#include <string>
#include <string_view>

#include "core/model/mailbox_settings.h"
#include "rest_facade/json/mailbox_members.h"
#include "rest_facade/odata_context.h"

namespace oofgate::rest {

// {"@odata.context": users('{id}')/mailboxSettings{suffix}, <members in response order>}:
// the body of a mailboxSettings GET (all or $select-ed members) and of a PATCH.
std::string mailbox_settings_body(ApiVersion version, std::string_view object_id, const core::MailboxSettings& settings,
                                  const MemberSet& members, std::string_view context_suffix);

}  // namespace oofgate::rest
