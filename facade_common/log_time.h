#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace oofgate::facade {

// The "time" of every JSON log line (error, access, audit): "YYYY-MM-DDTHH:MM:SS.ffffffZ", UTC.
// Written by hand: it is on every access line, and date::format goes through an ostringstream
// that cost more than the rest of the line.
std::string log_timestamp(std::chrono::system_clock::time_point now);
// Its length, always.
constexpr std::size_t kLogTimestampSize = 27;
// The same written at `out` (room for kLogTimestampSize bytes); returns the end. For a line
// formatted in a buffer sized once (the access log).
char* write_log_timestamp(char* out, std::chrono::system_clock::time_point now);

// The wall-clock time of `instant`, a steady-clock reading the caller took anyway (the access log
// has the one that ends a request's duration), so a line costs no second clock read: each thread
// reads the offset between the two clocks again once a second, which is how soon a step of the
// wall clock shows (nginx likewise logs the time cached for its event loop's turn).
std::chrono::system_clock::time_point wall_time_of(std::chrono::steady_clock::time_point instant);

}  // namespace oofgate::facade
