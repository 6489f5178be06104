#include "core/service/default_settings.h"

#include <chrono>

namespace oofgate::core {
namespace {

// A stable, opaque folder id per mailbox (Graph returns a base64 entry id here).
std::string archive_folder_id(const User& user) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string id = "AAMk";
  std::uint64_t h = 1469598103934665603ULL;  // FNV-1a over the object id
  for (unsigned char c : user.id) {
    h = (h ^ c) * 1099511628211ULL;
  }
  for (int i = 0; i < 40; ++i) {
    id.push_back(kAlphabet[h & 63U]);
    h = (h >> 6) | (h << 58);
    h = h * 6364136223846793005ULL + 1442695040888963407ULL;
  }
  return id + "AAA=";
}

}  // namespace

MailboxSettings default_settings(const User& user, Instant now) {
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
  s.archive_folder = archive_folder_id(user);
  return s;
}

}  // namespace oofgate::core
