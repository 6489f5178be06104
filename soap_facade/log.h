#pragma once

#include <string_view>

namespace oofgate::soap {

// One line on stderr for the operator; never part of a response.
void log_error(std::string_view message);

}  // namespace oofgate::soap
