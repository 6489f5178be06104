#pragma once

#include <string_view>

namespace oofgate::gateway {

// The IMF-fixdate for now (RFC 9110 Date header), formatted at most once per second per thread.
std::string_view http_date_now();

}  // namespace oofgate::gateway
