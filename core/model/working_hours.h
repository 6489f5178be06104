#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/model/date_time.h"
#include "core/model/enums.h"

namespace oofgate::core {

// Graph: standardTimeZoneOffset / daylightTimeZoneOffset (the shared part).
struct TimeZoneTransition {
  TimeOfDay time{};
  std::int32_t day_occurrence = 1;  // nth dayOfWeek of the month; 5 = last
  DayOfWeek day_of_week = DayOfWeek::kSunday;
  std::int32_t month = 1;
  std::int32_t year = 0;  // 0 = every year

  bool operator==(const TimeZoneTransition&) const = default;
};

struct DaylightTransition {
  TimeZoneTransition transition;
  std::int32_t daylight_bias = 0;  // minutes

  bool operator==(const DaylightTransition&) const = default;
};

// Graph: timeZoneBase with a standard zone name (Windows or IANA).
struct NamedTimeZone {
  std::string name;

  bool operator==(const NamedTimeZone&) const = default;
};

// Graph: customTimeZone. Bias is stored and echoed exactly as given (its sign convention is
// documented inconsistently, so oofgate never reinterprets it).
struct CustomTimeZone {
  std::int32_t bias = 0;  // minutes
  std::string name = "Customized Time Zone";
  std::optional<TimeZoneTransition> standard_offset;
  std::optional<DaylightTransition> daylight_offset;

  bool operator==(const CustomTimeZone&) const = default;
};

using WorkingHoursTimeZone = std::variant<NamedTimeZone, CustomTimeZone>;

// Graph: workingHours.
struct WorkingHours {
  std::vector<DayOfWeek> days_of_week;
  TimeOfDay start_time{};
  TimeOfDay end_time{};
  WorkingHoursTimeZone time_zone = NamedTimeZone{"UTC"};

  bool operator==(const WorkingHours&) const = default;
};

}  // namespace oofgate::core
