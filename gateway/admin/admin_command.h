#pragma once

#include <string_view>

namespace oofgate::gateway {

// Whether argv[1] names an admin subcommand (users, export, import), which main() hands to
// run_admin_command instead of parsing serve's options.
bool is_admin_command(std::string_view name);
// Runs it; returns the process exit status (0 done, 1 failed, 2 usage error).
int run_admin_command(int argc, const char* const* argv);

}  // namespace oofgate::gateway
