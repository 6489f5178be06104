#include "gateway/admin/admin_command.h"

#include <string>
#include <vector>

#include "gateway/admin/transfer_command.h"
#include "gateway/admin/users_command.h"

namespace oofgate::gateway {

bool is_admin_command(std::string_view name) { return name == "users" || name == "export" || name == "import"; }

int run_admin_command(int argc, const char* const* argv) {
  const std::string command = argv[1];
  const std::vector<std::string> args(argv + 2, argv + argc);
  if (command == "users") {
    return run_users_command(args);
  }
  return command == "export" ? run_export_command(args) : run_import_command(args);
}

}  // namespace oofgate::gateway
