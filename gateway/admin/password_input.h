#pragma once

#include <string>

#include "core/result.h"

namespace oofgate::gateway {

// A new password for `who`: from the terminal without echo (asked twice) when stdin is a TTY,
// else the first line of stdin. Refuses an empty password and one PBKDF2 cannot tell from
// another (a NUL). The password is never echoed or logged.
core::Result<std::string> read_new_password(const std::string& who);

}  // namespace oofgate::gateway
