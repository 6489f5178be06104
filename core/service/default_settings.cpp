#include "core/service/default_settings.h"

#include <chrono>

namespace oofgate::core {

MailboxSettings default_settings(Instant now) {
  using namespace std::chrono_literals;
  MailboxSettings s;
  const auto hour = std::chrono::floor<std::chrono::hours>(now);
  s.automatic_replies.scheduled_start = DateTimeTimeZone{LocalDateTime{hour.time_since_epoch()}, "UTC"};
  s.automatic_replies.scheduled_end = DateTimeTimeZone{LocalDateTime{(hour + 24h).time_since_epoch()}, "UTC"};
  s.time_zone = "UTC";
  s.working_hours.days_of_week = {DayOfWeek::kMonday, DayOfWeek::kTuesday, DayOfWeek::kWednesday, DayOfWeek::kThursday,
                                  DayOfWeek::kFriday};
  s.working_hours.start_time = std::chrono::duration_cast<Ticks>(8h);
  s.working_hours.end_time = std::chrono::duration_cast<Ticks>(17h);
  s.working_hours.time_zone = NamedTimeZone{"UTC"};
  s.language = LocaleInfo{"en-US", "English (United States)"};
  s.date_format = "M/d/yyyy";
  s.time_format = "h:mm tt";
  return s;
}

}  // namespace oofgate::core
