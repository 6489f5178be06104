#pragma once

#include <string>
#include <vector>

namespace oofgate::gateway {

// `oofgate export (--data-dir DIR | --store URL)`: every stored mailbox as one JSON document on stdout.
int run_export_command(const std::vector<std::string>& args);
// `oofgate import (--data-dir DIR | --store URL) [--replace] < FILE`: all or nothing.
int run_import_command(const std::vector<std::string>& args);

}  // namespace oofgate::gateway
