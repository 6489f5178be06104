#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/model/date_time.h"

namespace oofgate::facade {

// Graph dateTimeTimeZone.dateTime and EWS xs:dateTime as a client may send it: yyyy-MM-ddTHH:mm:ss with 0-7
// fractional digits and an optional "Z" or "+hh:mm"/"-hh:mm" offset. The reading and, with an
// offset, the instant must lie in years 0001-9999 (core::in_supported_range).
struct WireDateTime {
  core::LocalDateTime local{};
  std::optional<std::chrono::minutes> utc_offset;
};
std::optional<WireDateTime> parse_date_time(std::string_view text);
// Always 7 fractional digits and no offset, as every Graph response shows.
std::string format_date_time(core::LocalDateTime value);

// Graph: Edm.TimeOfDay, HH:mm:ss with 1-7 optional fractional digits (tick precision).
std::optional<core::TimeOfDay> parse_time_of_day(std::string_view text);
// e.g. "08:00:00.0000000".
std::string format_time_of_day(core::TimeOfDay value);

// Graph innerError.date: UTC, second precision, no zone designator.
std::string format_error_date(core::Instant value);

}  // namespace oofgate::facade
