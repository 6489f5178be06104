// ResetPIN in the core: the PIN policy, and MailboxService::reset_pin's order of delivery and commit.
#include <deque>

#include <gtest/gtest.h>

#include "core/directory/password_hasher.h"
#include "core/service/blocking_work.h"
#include "core/service/pin_policy.h"
#include "core/service/pin_reset_limiter.h"
#include "support/core_fixture.h"
#include "support/recording_pin_notifier.h"
#include "support/scripted_work.h"

namespace oofgate::core {
namespace {

using oofgate::testing::CoreFixture;
using oofgate::testing::RecordingPinNotifier;
using oofgate::testing::ScriptedWork;
using oofgate::testing::SnapshotWaiter;

// A random source that hands out the given bytes, then fails.
RandomBytes scripted(std::deque<std::uint8_t> bytes) {
  return [bytes = std::move(bytes)](std::span<std::uint8_t> out) mutable {
    if (bytes.size() < out.size()) {
      return false;
    }
    for (auto& byte : out) {
      byte = bytes.front();
      bytes.pop_front();
    }
    return true;
  };
}

// 32 bytes (one draw) starting with `digits`, the rest unusable (>= 250).
std::deque<std::uint8_t> draw(std::initializer_list<std::uint8_t> digits) {
  std::deque<std::uint8_t> bytes(digits);
  bytes.resize(32, 255);
  return bytes;
}

TEST(PinPolicy, DefaultIsSixRandomDigits) {
  const auto pin = generate_pin(PinPolicy{});
  ASSERT_TRUE(pin.ok());
  EXPECT_EQ(pin.value().size(), 6U);
  EXPECT_EQ(pin.value().find_first_not_of("0123456789"), std::string::npos) << pin.value();
}

TEST(PinPolicy, LengthIsConfigurableWithinExchangeLimits) {
  for (std::size_t length : {4U, 9U, 24U}) {
    const auto pin = generate_pin(PinPolicy{length, false});
    ASSERT_TRUE(pin.ok());
    EXPECT_EQ(pin.value().size(), length);
  }
  EXPECT_EQ(generate_pin(PinPolicy{3, false}).error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(generate_pin(PinPolicy{25, false}).error().code, ErrorCode::kInvalidArgument);
}

TEST(PinPolicy, BytesThatWouldBiasTheDigitsAreSkipped) {
  // 250..255 are dropped; 249 -> 9, 10 -> 0, 3 -> 3.
  const auto pin = generate_pin(PinPolicy{4, false}, scripted(draw({250, 249, 255, 10, 3, 27})));
  ASSERT_TRUE(pin.ok());
  EXPECT_EQ(pin.value(), "9037");
}

TEST(PinPolicy, CommonPatternsAreDrawnAgainUnlessAllowed) {
  auto bytes = draw({1, 1, 1, 1});
  const auto second = draw({5, 0, 8, 2});
  bytes.insert(bytes.end(), second.begin(), second.end());
  EXPECT_EQ(generate_pin(PinPolicy{4, false}, scripted(bytes)).value(), "5082");
  EXPECT_EQ(generate_pin(PinPolicy{4, true}, scripted(bytes)).value(), "1111");
}

TEST(PinPolicy, RecognisesCommonPatterns) {
  for (const char* pin : {"000000", "123456", "654321", "7890", "3210987", "9012"}) {
    EXPECT_TRUE(is_common_pin_pattern(pin)) << pin;
  }
  for (const char* pin : {"123457", "112233", "135790", "5082", "909090"}) {
    EXPECT_FALSE(is_common_pin_pattern(pin)) << pin;
  }
}

TEST(PinPolicy, AFailingRandomSourceIsAnInternalError) {
  EXPECT_EQ(generate_pin(PinPolicy{}, scripted({})).error().code, ErrorCode::kInternal);
}

// A store whose every write fails to commit, as when the disk or the database is gone.
class FailingStore final : public MailboxStore {
 public:
  void read(const std::string&, SnapshotCallback done) override { done(Error{ErrorCode::kStoreUnavailable, "down"}); }
  void update(const std::string&, Mutation, SnapshotCallback done) override {
    done(Error{ErrorCode::kStoreUnavailable, "down"});
  }
};

class ResetPinTest : public ::testing::Test {
 protected:
  PinResetConfig config(PinNotifier* notifier) {
    PinResetConfig result;
    result.notifier = notifier;
    result.hash_iterations = 1000;
    return result;
  }

  Result<SnapshotPtr> reset(MailboxService& service, const User& user) {
    SnapshotWaiter waiter;
    service.reset_pin(user, waiter.callback());
    return waiter.get();
  }

  std::string stored_hash(const User& user) {
    SnapshotWaiter waiter;
    core.service->read(user, waiter.callback());
    return waiter.get().value()->settings.um.pin_hash;
  }

  // A service whose ResetPIN work goes to `work`.
  std::unique_ptr<MailboxService> service_on(BlockingWork& executor) {
    auto settings = config(&pins);
    settings.work = &executor;
    return std::make_unique<MailboxService>(*core.directory, *core.store, core.clock, core.zones, std::move(settings));
  }

  RecordingPinNotifier pins;  // outlives the store
  CoreFixture core;
  ScriptedWork work;
};

TEST_F(ResetPinTest, DeliversThePinAndCommitsOnlyItsHash) {
  MailboxService service(*core.directory, *core.store, core.clock, core.zones, config(&pins));
  const auto result = reset(service, core.adele());
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(pins.deliveries().size(), 1U);
  const std::string pin = pins.deliveries()[0].pin;
  EXPECT_EQ(result.value()->settings.um.pin_hash, stored_hash(core.adele()));
  EXPECT_TRUE(PasswordHasher::verify(pin, stored_hash(core.adele())));
  EXPECT_EQ(stored_hash(core.adele()).find(pin), std::string::npos);
}

TEST_F(ResetPinTest, PolicyLengthIsUsed) {
  auto settings = config(&pins);
  settings.policy.min_length = 10;
  MailboxService service(*core.directory, *core.store, core.clock, core.zones, std::move(settings));
  ASSERT_TRUE(reset(service, core.adele()).ok());
  EXPECT_EQ(pins.deliveries()[0].pin.size(), 10U);
}

TEST_F(ResetPinTest, WithoutANotifierItIsNotSupported) {
  const auto result = reset(*core.service, core.adele());
  EXPECT_EQ(result.error().code, ErrorCode::kNotSupported);
  EXPECT_TRUE(stored_hash(core.adele()).empty());
}

TEST_F(ResetPinTest, UserWithoutUmIsRefusedBeforeAnyDelivery) {
  MailboxService service(*core.directory, *core.store, core.clock, core.zones, config(&pins));
  EXPECT_EQ(reset(service, core.no_um_user()).error().code, ErrorCode::kNotUmEnabled);
  EXPECT_TRUE(pins.deliveries().empty());
}

TEST_F(ResetPinTest, FailedDeliveryStoresNothing) {
  MailboxService service(*core.directory, *core.store, core.clock, core.zones, config(&pins));
  pins.fail_next();
  EXPECT_EQ(reset(service, core.adele()).error().code, ErrorCode::kStoreUnavailable);
  EXPECT_TRUE(stored_hash(core.adele()).empty());
}

TEST_F(ResetPinTest, FailedCommitWithdrawsTheDeliveredMessage) {
  FailingStore store;
  MailboxService service(*core.directory, store, core.clock, core.zones, config(&pins));
  EXPECT_EQ(reset(service, core.adele()).error().code, ErrorCode::kStoreUnavailable);
  ASSERT_EQ(pins.deliveries().size(), 1U);
  EXPECT_EQ(pins.withdrawn(), std::vector<std::string>{pins.deliveries()[0].receipt});
}

TEST_F(ResetPinTest, KeepsEverythingElse) {
  MailboxService service(*core.directory, *core.store, core.clock, core.zones, config(&pins));
  SnapshotWaiter on;
  service.set_oof_status(core.adele(), true, on.callback());
  auto before = on.get().value()->settings;
  auto after = reset(service, core.adele()).value()->settings;
  EXPECT_NE(after.um.pin_hash, before.um.pin_hash);
  after.um.pin_hash = before.um.pin_hash;
  EXPECT_EQ(after, before);
}

TEST_F(ResetPinTest, HashingAndDeliveryRunOnTheInjectedWorkNotTheCaller) {
  const auto service = service_on(work);
  SnapshotWaiter waiter;
  service->reset_pin(core.adele(), waiter.callback());
  ASSERT_EQ(work.jobs.size(), 1U);
  EXPECT_TRUE(pins.deliveries().empty()) << "nothing slow ran on the calling thread";
  work.jobs[0].run();
  const auto result = waiter.get();
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(pins.deliveries().size(), 1U);
  EXPECT_TRUE(PasswordHasher::verify(pins.deliveries()[0].pin, result.value()->settings.um.pin_hash));
}

TEST_F(ResetPinTest, FullWorkQueueIsBusyAndChangesNothing) {
  work.refuse = true;
  const auto result = reset(*service_on(work), core.adele());
  EXPECT_EQ(result.error().code, ErrorCode::kBusy);
  EXPECT_EQ(result.error().message, "The server is busy. Nothing was changed; try again later.");
  EXPECT_TRUE(pins.deliveries().empty());
  EXPECT_TRUE(stored_hash(core.adele()).empty());
}

TEST_F(ResetPinTest, WorkCancelledAtShutdownIsBusyAndChangesNothing) {
  const auto service = service_on(work);
  SnapshotWaiter waiter;
  service->reset_pin(core.adele(), waiter.callback());
  ASSERT_EQ(work.jobs.size(), 1U);
  work.jobs[0].cancel();
  EXPECT_EQ(waiter.get().error().code, ErrorCode::kBusy);
  EXPECT_TRUE(pins.deliveries().empty());
  EXPECT_TRUE(stored_hash(core.adele()).empty());
}

TEST_F(ResetPinTest, AFourthResetWithinTenMinutesIsRateLimited) {
  MailboxService service(*core.directory, *core.store, core.clock, core.zones, config(&pins));
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(reset(service, core.adele()).ok()) << i;
    core.clock.set(core.clock.now() + std::chrono::minutes(1));
  }
  const std::string third_hash = stored_hash(core.adele());
  const auto refused = reset(service, core.adele());
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kRateLimited);
  // The first reset leaves the window 10 min after it, 7 min from now.
  EXPECT_EQ(refused.error().message, "Too many PIN resets for this mailbox. Try again in 420 seconds.");
  EXPECT_EQ(pins.deliveries().size(), 3U);
  EXPECT_EQ(stored_hash(core.adele()), third_hash);
  EXPECT_TRUE(reset(service, core.alex()).ok()) << "the limit is per mailbox";
  core.clock.set(core.clock.now() + std::chrono::minutes(7));
  EXPECT_TRUE(reset(service, core.adele()).ok());
}

TEST(PinResetLimiter, SlidingWindowPerMailboxAndZeroSwitchesItOff) {
  FixedClock clock(oofgate::testing::fixed_now());
  PinResetLimiter limiter(PinResetLimits{2, std::chrono::seconds(60)}, clock);
  EXPECT_EQ(limiter.try_acquire("a"), std::nullopt);
  clock.set(clock.now() + std::chrono::seconds(30));
  EXPECT_EQ(limiter.try_acquire("a"), std::nullopt);
  EXPECT_EQ(limiter.try_acquire("a"), std::chrono::seconds(30));
  EXPECT_EQ(limiter.try_acquire("b"), std::nullopt);
  clock.set(clock.now() + std::chrono::milliseconds(29'500));
  EXPECT_EQ(limiter.try_acquire("a"), std::chrono::seconds(1)) << "rounded up, never 0";
  clock.set(clock.now() + std::chrono::milliseconds(500));
  EXPECT_EQ(limiter.try_acquire("a"), std::nullopt);

  PinResetLimiter off(PinResetLimits{0, std::chrono::seconds(60)}, clock);
  for (int i = 0; i < 100; ++i) {
    EXPECT_EQ(off.try_acquire("a"), std::nullopt);
  }
}

}  // namespace
}  // namespace oofgate::core
