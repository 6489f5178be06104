// ResetPIN in the core: the PIN policy, and MailboxService::reset_pin's order of delivery and commit.
#include <deque>

#include <gtest/gtest.h>

#include "core/directory/password_hasher.h"
#include "core/service/pin_policy.h"
#include "support/core_fixture.h"
#include "support/recording_pin_notifier.h"

namespace oofgate::core {
namespace {

using oofgate::testing::CoreFixture;
using oofgate::testing::RecordingPinNotifier;
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

  RecordingPinNotifier pins;  // outlives the store
  CoreFixture core;
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

}  // namespace
}  // namespace oofgate::core
