#pragma once

#include <vector>

#include "gateway/config/command_line.h"

namespace oofgate::gateway {

// `oofgate serve --users users.json --data-dir data ARGS...`, parsed.
inline core::Result<CommandLine> parse_serve(std::vector<const char*> args) {
  args.insert(args.begin(), {"oofgate", "serve", "--users", "users.json", "--data-dir", "data"});
  return parse_command_line(static_cast<int>(args.size()), args.data());
}

}  // namespace oofgate::gateway
