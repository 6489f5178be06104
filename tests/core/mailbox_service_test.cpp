#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <mutex>
#include <vector>

#include "support/core_fixture.h"

namespace oofgate::core {
namespace {

using oofgate::testing::CoreFixture;
using oofgate::testing::SnapshotWaiter;

class MailboxServiceTest : public ::testing::Test {
 protected:
  CoreFixture core;

  SnapshotPtr read(const User& user) {
    SnapshotWaiter waiter;
    core.service->read(user, waiter.callback());
    return waiter.get().value();
  }
};

TEST_F(MailboxServiceTest, DelegatedCallersReachOnlyTheirOwnMailbox) {
  const auto adele = core.principal("adele-rw");
  EXPECT_EQ(core.service->authorize(adele, MailboxTarget::me(), Access::kWrite).value(), &core.adele());
  EXPECT_EQ(core.service->authorize(adele, MailboxTarget::named(testing::kAdeleUpn), Access::kRead).value(),
            &core.adele());
  EXPECT_EQ(core.service->authorize(adele, MailboxTarget::named(testing::kAlexUpn), Access::kRead).error().code,
            ErrorCode::kAccessDenied);
}

TEST_F(MailboxServiceTest, ApplicationsCannotUseMeButReachAnyMailbox) {
  const auto app = core.principal("app-rw");
  EXPECT_EQ(core.service->authorize(app, MailboxTarget::me(), Access::kRead).error().code, ErrorCode::kDelegatedOnly);
  EXPECT_EQ(core.service->authorize(app, MailboxTarget::named("ALEX@contoso.com"), Access::kWrite).value(),
            &core.alex());
  EXPECT_EQ(core.service->authorize(app, MailboxTarget::named("ghost@contoso.com"), Access::kRead).error().code,
            ErrorCode::kUserNotFound);
}

TEST_F(MailboxServiceTest, ReadScopeCannotWrite) {
  const auto read_only = core.principal("adele-ro");
  EXPECT_TRUE(core.service->authorize(read_only, MailboxTarget::me(), Access::kRead).ok());
  EXPECT_EQ(core.service->authorize(read_only, MailboxTarget::me(), Access::kWrite).error().code,
            ErrorCode::kAccessDenied);
}

TEST_F(MailboxServiceTest, SetOofStatusSwitchesOnlyTheState) {
  MailboxSettingsPatch patch;
  auto& replies = patch.automatic_replies.emplace();
  replies.internal_reply_message = "inside";
  replies.external_audience = ExternalAudience::kNone;
  SnapshotWaiter patched;
  core.service->update(core.adele(), patch, patched.callback());
  ASSERT_TRUE(patched.get().ok());

  SnapshotWaiter on;
  core.service->set_oof_status(core.adele(), true, on.callback());
  const auto enabled = on.get().value();
  EXPECT_EQ(enabled->settings.automatic_replies.state, OofState::kAlwaysEnabled);
  EXPECT_EQ(enabled->settings.automatic_replies.internal_reply_message, "inside");
  EXPECT_EQ(enabled->settings.automatic_replies.external_audience, ExternalAudience::kNone);
  EXPECT_TRUE(core.service->oof_active(enabled->settings));

  SnapshotWaiter off;
  core.service->set_oof_status(core.adele(), false, off.callback());
  const auto disabled = off.get().value();
  EXPECT_EQ(disabled->settings.automatic_replies.state, OofState::kDisabled);
  EXPECT_EQ(disabled->settings.automatic_replies.internal_reply_message, "inside");
  EXPECT_EQ(disabled->settings.automatic_replies.scheduled_start, enabled->settings.automatic_replies.scheduled_start);
  EXPECT_FALSE(core.service->oof_active(disabled->settings));
}

// Records what the committer hands over, and on which thread, without comparing anything.
class RecordingAudit final : public AuditSink {
 public:
  void write_committed(CommittedWrite write) noexcept override {
    const std::lock_guard lock(mutex);
    writes.push_back(std::move(write));
  }
  std::mutex mutex;
  std::vector<CommittedWrite> writes;
};

TEST_F(MailboxServiceTest, TheAuditGetsTheStatesOfEachAcknowledgedWriteAndDescribesOnlyRealChanges) {
  RecordingAudit audit;
  core.service->set_audit(&audit);
  SnapshotWaiter on;
  core.service->set_oof_status(core.adele(), true, on.callback());
  ASSERT_TRUE(on.get().ok());
  SnapshotWaiter again;
  core.service->set_oof_status(core.adele(), true, again.callback());
  ASSERT_TRUE(again.get().ok());
  SnapshotWaiter refused;
  core.service->set_oof_status(core.no_um_user(), true, refused.callback());
  ASSERT_FALSE(refused.get().ok());
  core.service->set_audit(nullptr);

  const std::lock_guard lock(audit.mutex);
  ASSERT_EQ(audit.writes.size(), 2U);  // the refused write is not handed over
  const SettingsChange first = describe_change(audit.writes[0]);
  EXPECT_EQ(first.mailbox_id, core.adele().id);
  ASSERT_EQ(first.changes.size(), 1U);
  EXPECT_EQ(first.changes[0].before, "disabled");
  EXPECT_EQ(first.changes[0].after, "always_enabled");
  EXPECT_TRUE(describe_change(audit.writes[1]).changes.empty());  // a no-op: no audit line
}

TEST_F(MailboxServiceTest, UmOperationsNeedAUmEnabledUser) {
  SnapshotWaiter waiter;
  core.service->set_oof_status(core.no_um_user(), true, waiter.callback());
  EXPECT_EQ(waiter.get().error().code, ErrorCode::kNotUmEnabled);
  EXPECT_EQ(read(core.no_um_user())->settings.automatic_replies.state, OofState::kDisabled);
}

TEST_F(MailboxServiceTest, UmSettersValidateTheirValues) {
  SnapshotWaiter bad_dial;
  core.service->set_play_on_phone_dial_string(core.adele(), "call me maybe", bad_dial.callback());
  EXPECT_EQ(bad_dial.get().error().code, ErrorCode::kInvalidArgument);
  SnapshotWaiter good_dial;
  core.service->set_play_on_phone_dial_string(core.adele(), "+1 (425) 555-0100", good_dial.callback());
  EXPECT_EQ(good_dial.get().value()->settings.um.play_on_phone_dial_string, "+1 (425) 555-0100");
  SnapshotWaiter bad_folder;
  core.service->set_telephone_access_folder_email(core.adele(), "not base64!", bad_folder.callback());
  EXPECT_EQ(bad_folder.get().error().code, ErrorCode::kInvalidArgument);
  SnapshotWaiter folder;
  core.service->set_telephone_access_folder_email(core.adele(), "AAMkAGI2TG93AAA=", folder.callback());
  EXPECT_EQ(folder.get().value()->settings.um.telephone_access_folder_email, "AAMkAGI2TG93AAA=");
}

// Forwards to a real store and counts what reaches it; `before_update` runs just before each
// update is forwarded (a concurrent writer slipping in between the read-ahead and the commit).
class RecordingStore final : public MailboxStore {
 public:
  explicit RecordingStore(MailboxStore& inner) : inner_(inner) {}
  void read(const std::string& mailbox_id, SnapshotCallback done) override { inner_.read(mailbox_id, std::move(done)); }
  void update(const std::string& mailbox_id, Mutation mutation, SnapshotCallback done) override {
    ++updates;
    if (before_update) {
      before_update();
    }
    inner_.update(mailbox_id, std::move(mutation), std::move(done));
  }

  int updates = 0;
  std::function<void()> before_update;

 private:
  MailboxStore& inner_;
};

DateTimeTimeZoneInput pacific(int year, unsigned month, unsigned day) {
  using namespace std::chrono;
  const auto local = date::local_days{date::year{year} / date::month{month} / date::day{day}} + hours(9);
  return DateTimeTimeZoneInput{LocalDateTime{duration_cast<Ticks>(local.time_since_epoch())}, std::nullopt,
                               "Pacific Standard Time"};
}

MailboxSettingsPatch scheduled_window() {
  MailboxSettingsPatch patch;
  auto& replies = patch.automatic_replies.emplace();
  replies.state = OofState::kScheduled;
  replies.scheduled_start = pacific(2030, 2, 1);
  replies.scheduled_end = pacific(2030, 2, 10);
  return patch;
}

MailboxSettingsPatch new_message(std::string text) {
  MailboxSettingsPatch patch;
  patch.automatic_replies.emplace().internal_reply_message = std::move(text);
  return patch;
}

class MailboxServiceWriteTest : public ::testing::Test {
 protected:
  Result<SnapshotPtr> update(MailboxSettingsPatch patch) {
    SnapshotWaiter waiter;
    service.update(core.adele(), std::move(patch), waiter.callback());
    return waiter.get();
  }

  CoreFixture core;
  RecordingStore store{*core.store};
  MailboxService service{*core.directory, store, core.clock, core.zones};
};

TEST_F(MailboxServiceWriteTest, InvalidPatchesAreRefusedBeforeAnythingIsQueued) {
  // Before issue 11 these were refused inside the committer's mutation, after queueing.
  MailboxSettingsPatch unknown_zone;
  unknown_zone.time_zone = "Mars/Olympus_Mons";
  EXPECT_EQ(update(unknown_zone).error().code, ErrorCode::kInvalidTimeZone);
  MailboxSettingsPatch unknown_locale;
  unknown_locale.language.emplace().locale = "xx-YY";
  EXPECT_EQ(update(unknown_locale).error().code, ErrorCode::kInvalidArgument);
  MailboxSettingsPatch bad_window_zone = scheduled_window();
  bad_window_zone.automatic_replies->scheduled_end->time_zone = "Nowhere Standard Time";
  EXPECT_EQ(update(bad_window_zone).error().code, ErrorCode::kInvalidTimeZone);
  EXPECT_EQ(store.updates, 0);
}

TEST_F(MailboxServiceWriteTest, KeepingAStoredScheduleCostsTheCommitterNoTimeZoneLookup) {
  ASSERT_TRUE(update(scheduled_window()).ok());
  const auto patched = update(new_message("away"));
  ASSERT_TRUE(patched.ok());
  EXPECT_EQ(patched.value()->settings.automatic_replies.internal_reply_message, "away");
  EXPECT_EQ(patched.value()->settings.automatic_replies.state, OofState::kScheduled);
  EXPECT_EQ(store.updates, 2);
  EXPECT_EQ(service.late_time_zone_lookups(), 0U) << "the kept bounds' instants were computed before queueing";
}

TEST_F(MailboxServiceWriteTest, AScheduleChangedAfterTheReadAheadIsCheckedAgainstTheCommittedState) {
  ASSERT_TRUE(update(scheduled_window()).ok());
  // Between this write's read-ahead and its commit another write moves the end into the past.
  store.before_update = [this] {
    SnapshotWaiter moved;
    core.store->update(
        core.adele().id,
        [](const MailboxSettings& current) -> Result<MailboxSettings> {
          MailboxSettings next = current;
          next.automatic_replies.scheduled_end.local -= std::chrono::duration_cast<Ticks>(std::chrono::days(365));
          return next;
        },
        moved.callback());
    ASSERT_TRUE(moved.get().ok());
  };
  EXPECT_EQ(update(new_message("late")).error().code, ErrorCode::kInvalidScheduledDuration);
  EXPECT_EQ(service.late_time_zone_lookups(), 1U);
  SnapshotWaiter read;
  service.read(core.adele(), read.callback());
  EXPECT_NE(read.get().value()->settings.automatic_replies.internal_reply_message, "late");
}

TEST_F(MailboxServiceWriteTest, ChecksThatNeedTheStoredStateRunAtCommit) {
  MailboxSettingsPatch early_end;
  early_end.working_hours.emplace().end_time = std::chrono::duration_cast<Ticks>(std::chrono::hours(1));
  EXPECT_EQ(update(early_end).error().code, ErrorCode::kInvalidTimeSettings);
  MailboxSettingsPatch disabled;
  disabled.automatic_replies.emplace().state = OofState::kDisabled;
  EXPECT_TRUE(update(disabled).ok()) << "a window is checked only while replies are scheduled";
}

}  // namespace
}  // namespace oofgate::core
