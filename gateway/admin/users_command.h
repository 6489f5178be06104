#pragma once

#include <string>
#include <vector>

namespace oofgate::gateway {

// `oofgate users list|add|remove|passwd --users FILE ...`: edits the users file in place,
// atomically, keeping every other entry and member as it was. Returns the process exit status.
int run_users_command(const std::vector<std::string>& args);

}  // namespace oofgate::gateway
