#include <gtest/gtest.h>

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

}  // namespace
}  // namespace oofgate::core
