#include <gtest/gtest.h>

#include <functional>
#include <vector>

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
  struct Case {
    const char* what;
    std::function<void(MailboxSettings&)> spoil;
    ErrorCode expected;
  };
  const std::vector<Case> cases{
      {"unknown zone", [](MailboxSettings& s) { s.time_zone = "Mars/Olympus_Mons"; }, ErrorCode::kInvalidTimeZone},
      {"unknown bound zone", [](MailboxSettings& s) { s.automatic_replies.scheduled_end.time_zone = "Nowhere"; },
       ErrorCode::kInvalidTimeZone},
      {"hours reversed", [](MailboxSettings& s) { s.working_hours.end_time = s.working_hours.start_time; },
       ErrorCode::kInvalidTimeSettings},
      {"day twice", [](MailboxSettings& s) { s.working_hours.days_of_week.push_back(DayOfWeek::kMonday); },
       ErrorCode::kInvalidArgument},
      {"unknown locale", [](MailboxSettings& s) { s.language.locale = "xx-XX"; }, ErrorCode::kInvalidArgument},
      {"miscased locale", [](MailboxSettings& s) { s.language.locale = "en-us"; }, ErrorCode::kInvalidArgument},
      {"overlong UTF-8", [](MailboxSettings& s) { s.automatic_replies.internal_reply_message = "\xC0\x80"; },
       ErrorCode::kInvalidArgument},
      {"UM text not UTF-8", [](MailboxSettings& s) { s.um.play_on_phone_dial_string = "\xFF"; },
       ErrorCode::kInvalidArgument},
      {"long message",
       [](MailboxSettings& s) { s.automatic_replies.external_reply_message.assign(kMaxReplyMessageBytes + 1, 'x'); },
       ErrorCode::kInvalidArgument},
      {"bias out of range",
       [](MailboxSettings& s) {
         s.working_hours.time_zone = CustomTimeZone{kMaxBiasMinutes + 1, "Custom", std::nullopt, std::nullopt};
       },
       ErrorCode::kInvalidTimeZone},
  };
  for (const auto& c : cases) {
    auto settings = defaults();
    c.spoil(settings);
    const auto verdict = check(settings);
    ASSERT_FALSE(verdict) << c.what;
    EXPECT_EQ(verdict.error().code, c.expected) << c.what << ": " << verdict.error().message;
  }
}

}  // namespace
}  // namespace oofgate::core
