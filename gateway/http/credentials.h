#pragma once

#include <string_view>

#include "core/directory/caller.h"
#include "core/directory/directory.h"

namespace oofgate::gateway {

// Reads an Authorization header value (Bearer or Basic) and verifies it against the directory.
core::Caller authenticate(std::string_view authorization, const core::Directory& directory);

}  // namespace oofgate::gateway
