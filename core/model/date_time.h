#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include <date/date.h>

namespace oofgate::core {

// Graph and EWS carry times with 100 ns resolution (7 fractional digits).
using Ticks = std::chrono::duration<std::int64_t, std::ratio<1, 10'000'000>>;
// A point on the UTC time line.
using Instant = date::sys_time<Ticks>;
// A wall-clock reading with no zone attached.
using LocalDateTime = date::local_time<Ticks>;
// Time since local midnight, in [00:00, 24:00).  Graph: Edm.TimeOfDay
using TimeOfDay = Ticks;

// The span both protocols can carry, 0001-01-01T00:00:00 to 9999-12-31T23:59:59.9999999
// (Graph: Edm.DateTimeOffset; EWS: xs:dateTime as a .NET DateTime). A stored reading outside it
// could not be rendered in the yyyy form nor parsed back, so nothing outside it is accepted.
inline constexpr Ticks kEarliestSupported{date::sys_days{date::year{1} / 1 / 1}.time_since_epoch()};
inline constexpr Ticks kLatestSupported{date::sys_days{date::year{10000} / 1 / 1}.time_since_epoch() - Ticks{1}};

template <typename Clock>
constexpr bool in_supported_range(std::chrono::time_point<Clock, Ticks> value) {
  return value.time_since_epoch() >= kEarliestSupported && value.time_since_epoch() <= kLatestSupported;
}

// Graph: dateTimeTimeZone. Stored and echoed as given: the local reading and the zone name
// (Windows or IANA). The instant it denotes is computed by TimeZoneDb when needed.
struct DateTimeTimeZone {
  LocalDateTime local{};
  std::string time_zone = "UTC";

  bool operator==(const DateTimeTimeZone&) const = default;
};

// A dateTimeTimeZone as a client sent it: the wall-clock part may carry an explicit UTC offset
// ("Z" or "+02:00"), in which case it names an instant and the zone only says how to show it.
struct DateTimeTimeZoneInput {
  LocalDateTime local{};
  std::optional<std::chrono::minutes> utc_offset;
  std::string time_zone = "UTC";
};

}  // namespace oofgate::core
