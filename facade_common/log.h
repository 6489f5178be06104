#pragma once

#include <string_view>

namespace oofgate::facade {

// The error log on stderr (--log-level, --log-format). Levels in decreasing severity.
enum class LogLevel { kError, kWarn, kInfo, kDebug };
enum class LogFormat { kText, kJson };

// Lines less severe than `level` are dropped; `format` is text ("<component>[ request-id=<id>]:
// <message>") or JSON (one object per line: time, level, component, request_id, message).
// Call before threads start logging; the default is info, text.
void configure_error_log(LogLevel level, LogFormat format) noexcept;
// Whether a line at `level` would be written (to skip building an expensive message).
bool error_log_enabled(LogLevel level) noexcept;

// The one function that writes to the error log: one line, with one write(2) so lines from I/O
// threads and the committer never interleave. Never throws.
void log_line(LogLevel level, std::string_view component, std::string_view request_id,
              std::string_view message) noexcept;

// An event the operator must see (an internal error, a lost answer): log_line at kError.
void log_event(std::string_view component, std::string_view request_id, std::string_view detail) noexcept;

}  // namespace oofgate::facade
