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
