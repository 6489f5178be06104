#pragma once

#include <string>

#include "core/directory/user.h"

namespace oofgate::core {

// Graph: mailboxSettings.archiveFolder (read-only). A property of the mailbox, derived from its
// owner's object id rather than stored with the settings, so mailboxes that were never written
// can share one default settings snapshot.
std::string archive_folder_id(const User& user);

}  // namespace oofgate::core
