#pragma once

#include <chrono>
#include <string>

namespace oofgate::facade {

// The "time" of every JSON log line (error, access, audit): "YYYY-MM-DDTHH:MM:SS.ffffffZ", UTC.
// Written by hand: it is on every access line, and date::format goes through an ostringstream
// that cost more than the rest of the line.
std::string log_timestamp(std::chrono::system_clock::time_point now);
// The same, appended to `out` (the access log formats a line in place, without a temporary).
void append_log_timestamp(std::string& out, std::chrono::system_clock::time_point now);

}  // namespace oofgate::facade
