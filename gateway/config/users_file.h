#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/directory/directory.h"
#include "core/result.h"

namespace oofgate::gateway {

struct UsersFile {
  std::vector<core::User> users;
  std::vector<core::TokenGrant> tokens;
};

// A Graph permission by the name the users file and JWT scp / roles claims give it; nullopt for
// a name oofgate does not know.
std::optional<core::Permission> permission_from_name(std::string_view name);

// Reads the users file (format in README.md, "Users file"). Errors name the file and the place in
// it: a line and column for bad JSON, a JSON pointer (/users/3/umEnabled) and what was expected for
// a wrong entry, or the operating system's reason when it cannot be read.
core::Result<UsersFile> load_users_file(const std::string& path);

}  // namespace oofgate::gateway
