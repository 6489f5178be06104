#pragma once

#include <string>
#include <string_view>

#include "core/directory/user.h"
#include "core/model/mailbox_settings.h"
#include "core/store/mailbox_snapshot.h"
#include "rest_facade/json/mailbox_members.h"
#include "rest_facade/odata_context.h"

namespace oofgate::rest {

// {"@odata.context": users('{id}')/mailboxSettings{suffix}, <members in response order>}:
// the body of a mailboxSettings GET with $select and of a PATCH, rendered whole.
std::string mailbox_settings_body(ApiVersion version, const core::User& owner, const core::MailboxSettings& settings,
                                  const MemberSet& members, std::string_view context_suffix);

// The same for all members, from the snapshot's render cache where it can be.
std::string full_mailbox_settings_body(ApiVersion version, const core::User& owner,
                                       const core::MailboxSnapshot& snapshot);

}  // namespace oofgate::rest
