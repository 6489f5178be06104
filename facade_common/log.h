#pragma once

#include <string_view>

namespace oofgate::facade {

// One line on stderr for the operator, written with one write(2) so lines from I/O threads and
// the committer never interleave: "<component> request-id=<id>: <detail>". Never throws.
void log_event(std::string_view component, std::string_view request_id, std::string_view detail) noexcept;

}  // namespace oofgate::facade
