#include <gtest/gtest.h>

#include "core/service/oof_projection.h"
#include "core/service/settings_validation.h"
#include "support/core_fixture.h"

namespace oofgate::core {
namespace {

using namespace std::chrono_literals;
using oofgate::testing::CoreFixture;
using oofgate::testing::fixed_now;

DateTimeTimeZoneInput at(Instant instant, std::string zone = "UTC") {
  return DateTimeTimeZoneInput{LocalDateTime{instant.time_since_epoch()}, std::nullopt, std::move(zone)};
}

class SettingsValidation : public ::testing::Test {
 protected:
  CoreFixture core;
  MailboxSettings current = default_settings(fixed_now());
  Result<MailboxSettings> apply(const MailboxSettingsPatch& patch) {
    return apply_patch(current, patch, fixed_now(), core.zones, core.service->locales());
  }
};

TEST_F(SettingsValidation, MergeKeepsEverythingThePatchDoesNotName) {
  current.automatic_replies.internal_reply_message = "inside";
  current.automatic_replies.external_reply_message = "outside";
  MailboxSettingsPatch patch;
  patch.automatic_replies.emplace().state = OofState::kAlwaysEnabled;
  const auto next = apply(patch).value();
  EXPECT_EQ(next.automatic_replies.state, OofState::kAlwaysEnabled);
  EXPECT_EQ(next.automatic_replies.internal_reply_message, "inside");
  EXPECT_EQ(next.automatic_replies.external_reply_message, "outside");
  EXPECT_EQ(next.working_hours, current.working_hours);
  EXPECT_EQ(next.time_zone, current.time_zone);
}

TEST_F(SettingsValidation, ScheduledWindowMustEndAfterItStartsAndAfterNow) {
  MailboxSettingsPatch reversed;
  auto& r = reversed.automatic_replies.emplace();
  r.state = OofState::kScheduled;
  r.scheduled_start = at(fixed_now() + 48h);
  r.scheduled_end = at(fixed_now() + 24h);
  EXPECT_EQ(apply(reversed).error().code, ErrorCode::kInvalidScheduledDuration);

  MailboxSettingsPatch past;
  auto& p = past.automatic_replies.emplace();
  p.state = OofState::kScheduled;
  p.scheduled_start = at(fixed_now() - 48h);
  p.scheduled_end = at(fixed_now() - 24h);
  EXPECT_EQ(apply(past).error().code, ErrorCode::kInvalidScheduledDuration);

  MailboxSettingsPatch around_now;
  auto& a = around_now.automatic_replies.emplace();
  a.state = OofState::kScheduled;
  a.scheduled_start = at(fixed_now() - 1h);
  a.scheduled_end = at(fixed_now() + 1h);
  EXPECT_TRUE(apply(around_now).ok());
}

TEST_F(SettingsValidation, ExplicitOffsetIsConvertedIntoTheStatedZone) {
  MailboxSettingsPatch patch;
  auto& r = patch.automatic_replies.emplace();
  r.state = OofState::kScheduled;
  // 2030-01-16T10:00:00+02:00 = 08:00Z = 00:00 in Los Angeles (UTC-8 in January).
  r.scheduled_start =
      DateTimeTimeZoneInput{LocalDateTime{(fixed_now() + 22h).time_since_epoch()}, 120min, "Pacific Standard Time"};
  r.scheduled_end = at(fixed_now() + 72h);
  const auto next = apply(patch).value();
  EXPECT_EQ(next.automatic_replies.scheduled_start.local, LocalDateTime{(fixed_now() + 12h).time_since_epoch()});
  EXPECT_EQ(next.automatic_replies.scheduled_start.time_zone, "Pacific Standard Time");
}

// Issue 10: years outside 0001-9999, in the stated zone or in UTC, are never stored.
TEST_F(SettingsValidation, DateTimesOutsideTheSupportedYearsAreRefused) {
  const auto local = [](int y, unsigned m, unsigned d, std::chrono::hours h) {
    return LocalDateTime{date::local_days{date::year{y} / m / d}.time_since_epoch() + h};
  };
  const auto with_start = [&](DateTimeTimeZoneInput start) {
    MailboxSettingsPatch patch;
    patch.automatic_replies.emplace().scheduled_start = std::move(start);
    return apply(patch);
  };
  EXPECT_TRUE(with_start({local(1, 1, 1, 0h), std::nullopt, "UTC"}).ok());
  EXPECT_TRUE(with_start({LocalDateTime{kLatestSupported}, std::nullopt, "UTC"}).ok());
  for (const auto& input : {
           DateTimeTimeZoneInput{local(0, 12, 31, 23h), std::nullopt, "UTC"},
           DateTimeTimeZoneInput{LocalDateTime{kLatestSupported + Ticks{1}}, std::nullopt, "UTC"},
           DateTimeTimeZoneInput{local(9999, 12, 31, 23h), std::nullopt, "Pacific Standard Time"},
           DateTimeTimeZoneInput{local(1, 1, 1, 0h), std::nullopt, "Tokyo Standard Time"},
           DateTimeTimeZoneInput{local(1, 1, 1, 0h), 60min, "UTC"},
           DateTimeTimeZoneInput{local(9999, 12, 31, 23h), 0min, "Asia/Tokyo"},  // shown past the end in Tokyo
       }) {
    const auto result = with_start(input);
    ASSERT_FALSE(result.ok()) << input.time_zone;
    EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(result.error().message,
              "The date and time must lie between 0001-01-01T00:00:00 and 9999-12-31T23:59:59.9999999 UTC, in the "
              "stated time zone and in UTC.");
  }
}

TEST_F(SettingsValidation, StoredTextMustBeUtf8) {
  MailboxSettingsPatch message;
  message.automatic_replies.emplace().internal_reply_message = "caf\xC3";
  EXPECT_EQ(apply(message).error().message, "The value is not valid UTF-8.");
  MailboxSettingsPatch format;
  format.date_format = "yyyy\xED\xB0\x80";  // an encoded lone surrogate
  EXPECT_EQ(apply(format).error().message, "The value is not valid UTF-8.");
  MailboxSettingsPatch fine;
  fine.date_format = "dd.MM.yyyy \xC3\xA9";
  EXPECT_TRUE(apply(fine).ok());
}

TEST_F(SettingsValidation, WorkingHoursStartMustPrecedeEnd) {
  MailboxSettingsPatch patch;
  auto& h = patch.working_hours.emplace();
  h.start_time = std::chrono::duration_cast<Ticks>(18h);
  h.end_time = std::chrono::duration_cast<Ticks>(9h);
  const auto result = apply(patch);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidTimeSettings);
  EXPECT_EQ(result.error().message, "Start Time should occur before End Time.");
}

TEST_F(SettingsValidation, UnknownZonesAreRejectedEverywhere) {
  MailboxSettingsPatch top;
  top.time_zone = "Not/AZone";
  EXPECT_EQ(apply(top).error().code, ErrorCode::kInvalidTimeZone);
  MailboxSettingsPatch hours;
  hours.working_hours.emplace().time_zone = NamedTimeZone{"Mars Standard Time"};
  EXPECT_EQ(apply(hours).error().code, ErrorCode::kInvalidTimeZone);
  MailboxSettingsPatch custom;
  CustomTimeZone zone;
  zone.bias = 5000;
  custom.working_hours.emplace().time_zone = zone;
  EXPECT_EQ(apply(custom).error().code, ErrorCode::kInvalidTimeZone);
}

TEST_F(SettingsValidation, ARejectedPatchAppliesNothing) {
  MailboxSettingsPatch patch;
  patch.time_zone = "Europe/Berlin";                                                  // valid
  patch.working_hours.emplace().start_time = std::chrono::duration_cast<Ticks>(23h);  // after 17:00 end
  ASSERT_FALSE(apply(patch).ok());
  EXPECT_EQ(current.time_zone, "UTC");
}

TEST_F(SettingsValidation, ZonesAreStoredExactlyAsGiven) {
  MailboxSettingsPatch windows;
  windows.time_zone = "Pacific Standard Time";
  EXPECT_EQ(apply(windows).value().time_zone, "Pacific Standard Time");
  MailboxSettingsPatch iana;
  iana.time_zone = "America/Los_Angeles";
  EXPECT_EQ(apply(iana).value().time_zone, "America/Los_Angeles");
}

TEST(OofProjection, IsOnWhenAlwaysEnabledOrInsideTheScheduledWindow) {
  TimeZoneDb zones;
  AutomaticReplies replies;
  EXPECT_FALSE(is_oof_active(replies, fixed_now(), zones));
  replies.state = OofState::kAlwaysEnabled;
  EXPECT_TRUE(is_oof_active(replies, fixed_now(), zones));
  replies.state = OofState::kScheduled;
  // 2030-01-15 03:00..05:00 Pacific = 11:00..13:00Z, around the fixed 12:00Z.
  replies.scheduled_start = {LocalDateTime{(fixed_now() - 9h).time_since_epoch()}, "Pacific Standard Time"};
  replies.scheduled_end = {LocalDateTime{(fixed_now() - 7h).time_since_epoch()}, "Pacific Standard Time"};
  EXPECT_TRUE(is_oof_active(replies, fixed_now(), zones));
  // The same wall-clock window read as UTC would be over.
  replies.scheduled_start.time_zone = "UTC";
  replies.scheduled_end.time_zone = "UTC";
  EXPECT_FALSE(is_oof_active(replies, fixed_now(), zones));
  // [start, end): the end instant itself is outside.
  replies.scheduled_end = {LocalDateTime{fixed_now().time_since_epoch()}, "UTC"};
  replies.scheduled_start = {LocalDateTime{(fixed_now() - 1h).time_since_epoch()}, "UTC"};
  EXPECT_FALSE(is_oof_active(replies, fixed_now(), zones));
}

}  // namespace
}  // namespace oofgate::core
