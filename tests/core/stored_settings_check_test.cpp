#include <gtest/gtest.h>

#include "core/locale/locale_catalog.h"
#include "core/service/default_settings.h"
#include "core/service/settings_validation.h"
#include "core/store/stored_settings_check.h"
#include "core/time/time_zone_db.h"

namespace oofgate::core {
namespace {

using namespace std::chrono_literals;

class StoredSettingsCheck : public ::testing::Test {
 protected:
  Status check(const MailboxSettings& settings) const { return check_stored_settings(settings, zones_, locales_); }
  static LocalDateTime local(int year) {
    return LocalDateTime{date::local_days{date::year{year} / 3 / 1}.time_since_epoch()};
  }
  static MailboxSettings defaults() { return default_settings(Instant{date::sys_days{date::year{2026} / 1 / 1}}); }

  TimeZoneDb zones_;
  LocaleCatalog locales_;
};

TEST_F(StoredSettingsCheck, DefaultsAndAPastScheduledWindowAreAccepted) {
  auto settings = defaults();
  EXPECT_TRUE(check(settings));
  // A backup restored later keeps a window that has closed since: unlike a write, no "in the future".
  settings.automatic_replies.state = OofState::kScheduled;
  settings.automatic_replies.scheduled_start = {local(2001), "Pacific Standard Time"};
  settings.automatic_replies.scheduled_end = {local(2002), "Europe/Berlin"};
  EXPECT_TRUE(check(settings));
}

TEST_F(StoredSettingsCheck, ReversedScheduledWindowIsRefused) {
  auto settings = defaults();
  settings.automatic_replies.state = OofState::kScheduled;
  settings.automatic_replies.scheduled_start = {local(2040), "UTC"};
  settings.automatic_replies.scheduled_end = {local(2039), "UTC"};
  EXPECT_EQ(check(settings).error().code, ErrorCode::kInvalidScheduledDuration);
  settings.automatic_replies.state = OofState::kDisabled;  // a kept window is only checked while in use
  EXPECT_TRUE(check(settings));
}

TEST_F(StoredSettingsCheck, EachMemberIsCheckedAsAWriteChecksIt) {
  auto unknown_zone = defaults();
  unknown_zone.time_zone = "Mars/Olympus_Mons";
  EXPECT_EQ(check(unknown_zone).error().code, ErrorCode::kInvalidTimeZone);

  auto unknown_bound_zone = defaults();
  unknown_bound_zone.automatic_replies.scheduled_end.time_zone = "Nowhere";
  EXPECT_EQ(check(unknown_bound_zone).error().code, ErrorCode::kInvalidTimeZone);

  auto reversed_hours = defaults();
  reversed_hours.working_hours.end_time = reversed_hours.working_hours.start_time;
  EXPECT_EQ(check(reversed_hours).error().code, ErrorCode::kInvalidTimeSettings);

  auto repeated_day = defaults();
  repeated_day.working_hours.days_of_week.push_back(DayOfWeek::kMonday);
  EXPECT_FALSE(check(repeated_day));

  auto unknown_locale = defaults();
  unknown_locale.language.locale = "xx-XX";
  EXPECT_FALSE(check(unknown_locale));

  auto miscased_locale = defaults();
  miscased_locale.language.locale = "en-us";
  EXPECT_FALSE(check(miscased_locale));

  auto bad_utf8 = defaults();
  bad_utf8.automatic_replies.internal_reply_message = "\xC0\x80";
  EXPECT_FALSE(check(bad_utf8));

  auto bad_um = defaults();
  bad_um.um.play_on_phone_dial_string = "\xFF";
  EXPECT_FALSE(check(bad_um));

  auto long_message = defaults();
  long_message.automatic_replies.external_reply_message.assign(kMaxReplyMessageBytes + 1, 'x');
  EXPECT_FALSE(check(long_message));

  auto wild_bias = defaults();
  wild_bias.working_hours.time_zone = CustomTimeZone{kMaxBiasMinutes + 1, "Custom", std::nullopt, std::nullopt};
  EXPECT_FALSE(check(wild_bias));
}

}  // namespace
}  // namespace oofgate::core
