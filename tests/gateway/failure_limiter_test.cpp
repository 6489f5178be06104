// Failed sign-ins per client address: refused for the rest of the window, in bounded memory.
#include <gtest/gtest.h>

#include "gateway/auth/failure_limiter.h"
#include "support/core_fixture.h"

namespace oofgate::gateway {
namespace {

using std::chrono::seconds;

TEST(FailureLimiter, RefusesAnAddressForTheRestOfTheWindowAfterMaxFailures) {
  core::FixedClock clock(testing::fixed_now());
  FailureLimiter limiter(FailureLimits{3, seconds(60), 16}, clock);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(limiter.blocked_for("192.0.2.1"), std::nullopt) << i;
    limiter.record_failure("192.0.2.1");
  }
  EXPECT_EQ(limiter.blocked_for("192.0.2.1"), seconds(60));
  EXPECT_EQ(limiter.blocked_for("192.0.2.2"), std::nullopt) << "other addresses are not affected";
  clock.set(clock.now() + seconds(45));
  EXPECT_EQ(limiter.blocked_for("192.0.2.1"), seconds(15));
  clock.set(clock.now() + seconds(15));
  EXPECT_EQ(limiter.blocked_for("192.0.2.1"), std::nullopt) << "a new window";
  limiter.record_failure("192.0.2.1");
  EXPECT_EQ(limiter.blocked_for("192.0.2.1"), std::nullopt) << "one failure in the new window";
}

TEST(FailureLimiter, ChecksInFlightCountUntilForgiven) {
  core::FixedClock clock(testing::fixed_now());
  FailureLimiter limiter(FailureLimits{3, seconds(60), 16}, clock);
  FailureLimiter::Check checks[3];
  for (auto& check : checks) {
    EXPECT_EQ(limiter.begin_check("a", check), std::nullopt);
  }
  FailureLimiter::Check refused;
  EXPECT_EQ(limiter.begin_check("a", refused), seconds(60));
  EXPECT_EQ(limiter.blocked_for("a"), seconds(60));
  limiter.forgive("a", checks[0]);
  EXPECT_EQ(limiter.blocked_for("a"), std::nullopt);
  EXPECT_EQ(limiter.begin_check("a", checks[0]), std::nullopt);
  EXPECT_EQ(limiter.blocked_for("a"), seconds(60));
}

TEST(FailureLimiter, ForgivingACheckFromAClosedWindowTakesNothingFromTheNewOne) {
  core::FixedClock clock(testing::fixed_now());
  FailureLimiter limiter(FailureLimits{2, seconds(60), 16}, clock);
  FailureLimiter::Check old_check;
  ASSERT_EQ(limiter.begin_check("a", old_check), std::nullopt);
  clock.set(clock.now() + seconds(61));
  limiter.record_failure("a");
  limiter.record_failure("a");
  limiter.forgive("a", old_check);
  EXPECT_EQ(limiter.blocked_for("a"), seconds(60)) << "both failures of the new window still count";
}

TEST(FailureLimiter, FailuresInAnOldWindowDoNotCount) {
  core::FixedClock clock(testing::fixed_now());
  FailureLimiter limiter(FailureLimits{3, seconds(60), 16}, clock);
  limiter.record_failure("a");
  limiter.record_failure("a");
  clock.set(clock.now() + seconds(61));
  limiter.record_failure("a");
  limiter.record_failure("a");
  EXPECT_EQ(limiter.blocked_for("a"), std::nullopt);
  limiter.record_failure("a");
  EXPECT_EQ(limiter.blocked_for("a"), seconds(60));
}

TEST(FailureLimiter, MemoryStaysBoundedWhateverTheNumberOfAddresses) {
  core::FixedClock clock(testing::fixed_now());
  FailureLimiter limiter(FailureLimits{1, seconds(60), 100}, clock);
  limiter.record_failure("first");
  for (int i = 0; i < 100'000; ++i) {
    limiter.record_failure("2001:db8::" + std::to_string(i));
  }
  EXPECT_EQ(limiter.tracked_addresses(), 100U);
  EXPECT_EQ(limiter.blocked_for("first"), std::nullopt) << "the oldest was forgotten";
  EXPECT_EQ(limiter.blocked_for("2001:db8::99999"), seconds(60));
}

TEST(FailureLimiter, ARepeatOffenderIsNotTheOneEvicted) {
  core::FixedClock clock(testing::fixed_now());
  FailureLimiter limiter(FailureLimits{2, seconds(60), 2}, clock);
  limiter.record_failure("attacker");
  limiter.record_failure("x");
  limiter.record_failure("attacker");  // now the most recent
  limiter.record_failure("y");         // evicts "x"
  EXPECT_EQ(limiter.blocked_for("attacker"), seconds(60));
  EXPECT_EQ(limiter.tracked_addresses(), 2U);
}

TEST(FailureLimiter, ZeroMaxFailuresSwitchesItOff) {
  core::FixedClock clock(testing::fixed_now());
  FailureLimiter limiter(FailureLimits{0, seconds(60), 16}, clock);
  for (int i = 0; i < 100; ++i) {
    limiter.record_failure("a");
  }
  EXPECT_EQ(limiter.blocked_for("a"), std::nullopt);
  EXPECT_EQ(limiter.tracked_addresses(), 0U);
}

}  // namespace
}  // namespace oofgate::gateway
