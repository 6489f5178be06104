#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

#include "core/service/request_trace.h"
#include "core/service/settings_audit.h"

namespace oofgate::gateway {

// What the session knows of one answered request, beyond what the facade put on its trace.
struct AccessFacts {
  std::string_view remote_address;
  unsigned status = 0;
  std::chrono::microseconds duration{0};
  std::size_t bytes_in = 0;
  std::size_t bytes_out = 0;
  // When the answer was written (the steady reading that ends `duration`): the line's time.
  std::chrono::steady_clock::time_point finished{};
};

// One access-log line, in two steps: the I/O thread copies the line's facts as they are (a few
// short strings and numbers) as an access record appended to `out`, its lane of the log writer,
// and the writer thread renders the record as the line, a JSON object with "type":"access" ending
// in '\n', appended to `out`. The render step is the log writer's Renderer for these records.
void append_access_record(std::string& out, const core::RequestTrace& trace, const AccessFacts& facts,
                          std::chrono::system_clock::time_point now);
void render_access_record(std::string_view record, std::string& out);
// The line of one request, both steps at once.
std::string access_log_line(const core::RequestTrace& trace, const AccessFacts& facts,
                            std::chrono::system_clock::time_point now);
// One audit line: a JSON object with "type":"audit" and the changed properties, ending in '\n';
// appended to `out` (formatted in place in the audit thread's lane).
void append_audit_log_line(std::string& out, const core::SettingsChange& change,
                           std::chrono::system_clock::time_point now);
// The same line as a string of its own.
std::string audit_log_line(const core::SettingsChange& change, std::chrono::system_clock::time_point now);

}  // namespace oofgate::gateway
