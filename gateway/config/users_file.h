#pragma once

#include <string>
#include <vector>

#include "core/directory/directory.h"
#include "core/result.h"

namespace oofgate::gateway {

struct UsersFile {
  std::vector<core::User> users;
  std::vector<core::TokenGrant> tokens;
};

// Reads the users file (format in README.md, "Users file"). Errors name the offending entry.
core::Result<UsersFile> load_users_file(const std::string& path);

}  // namespace oofgate::gateway
