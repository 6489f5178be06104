#pragma once

#include <string>

namespace oofgate::core {

// A mailbox owner as loaded from the users file. Immutable while the gateway runs.
struct User {
  std::string id;                   // object id (GUID), the mailbox key
  std::string user_principal_name;  // e.g. adele@contoso.com
  std::string display_name;
  std::string password_hash;  // PasswordHasher format; never the password
  bool um_enabled = false;
};

}  // namespace oofgate::core
