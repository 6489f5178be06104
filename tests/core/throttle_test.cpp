#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "core/service/throttle.h"
#include "support/core_fixture.h"

namespace oofgate::core {
namespace {

using namespace std::chrono_literals;
using oofgate::testing::fixed_now;

Throttle::Lease admitted(std::variant<Throttle::Lease, Throttle::Rejection> result) {
  EXPECT_TRUE(std::holds_alternative<Throttle::Lease>(result));
  return std::holds_alternative<Throttle::Lease>(result) ? std::get<Throttle::Lease>(std::move(result))
                                                         : Throttle::Lease{};
}

Throttle::Rejection refused(const std::variant<Throttle::Lease, Throttle::Rejection>& result) {
  EXPECT_TRUE(std::holds_alternative<Throttle::Rejection>(result));
  return std::holds_alternative<Throttle::Rejection>(result) ? std::get<Throttle::Rejection>(result)
                                                             : Throttle::Rejection{Throttle::Limit::kRate, 0s};
}

TEST(Throttle, ConcurrencySlotsComeBackWhenLeasesEnd) {
  FixedClock clock(fixed_now());
  Throttle throttle({2, 0, 600s}, clock);
  auto first = admitted(throttle.admit("app", "m"));
  auto second = admitted(throttle.admit("app", "m"));
  const auto rejection = refused(throttle.admit("app", "m"));
  EXPECT_EQ(rejection.limit, Throttle::Limit::kConcurrency);
  EXPECT_EQ(rejection.retry_after, 1s);
  first.release();
  EXPECT_FALSE(first.held());
  auto third = admitted(throttle.admit("app", "m"));
  {
    Throttle::Lease moved = std::move(second);  // a moved-from lease releases nothing
    EXPECT_FALSE(second.held());                // NOLINT(bugprone-use-after-move): testing the moved-from state
    EXPECT_TRUE(moved.held());
  }
  auto fourth = admitted(throttle.admit("app", "m"));
  EXPECT_EQ(refused(throttle.admit("app", "m")).limit, Throttle::Limit::kConcurrency);
}

TEST(Throttle, LeasesAndCountsSurviveTheTableGrowingAndBeingSwept) {
  FixedClock clock(fixed_now());
  Throttle throttle({1, 3, 600s}, clock);
  auto held = admitted(throttle.admit("app", "busy"));
  admitted(throttle.admit("app", "counted"));
  admitted(throttle.admit("app", "counted"));
  // Enough other keys to grow every shard several times, first inside one window...
  for (int i = 0; i < 20000; ++i) {
    admitted(throttle.admit("app", "m" + std::to_string(i)));
  }
  // ...then after it ended, so the idle keys are swept while new ones arrive.
  clock.set(fixed_now() + 601s);
  for (int i = 20000; i < 40000; ++i) {
    admitted(throttle.admit("app", "m" + std::to_string(i)));
  }
  EXPECT_EQ(refused(throttle.admit("app", "busy")).limit, Throttle::Limit::kConcurrency);
  held.release();
  admitted(throttle.admit("app", "busy"));
  // "counted" was idle when its window ended: a new window, three more requests allowed.
  admitted(throttle.admit("app", "counted"));
  admitted(throttle.admit("app", "counted"));
  admitted(throttle.admit("app", "counted"));
  EXPECT_EQ(refused(throttle.admit("app", "counted")).limit, Throttle::Limit::kRate);
}

TEST(Throttle, RateWindowOpensAtTheFirstRequestAndResetsWhenItEnds) {
  FixedClock clock(fixed_now());
  Throttle throttle({0, 2, 600s}, clock);
  clock.set(fixed_now() + 10s);
  admitted(throttle.admit("app", "m"));
  clock.set(fixed_now() + 20s);
  admitted(throttle.admit("app", "m"));
  clock.set(fixed_now() + 100s);
  const auto rejection = refused(throttle.admit("app", "m"));
  EXPECT_EQ(rejection.limit, Throttle::Limit::kRate);
  EXPECT_EQ(rejection.retry_after, 510s);  // the window opened at +10s
  clock.set(fixed_now() + 610s);
  admitted(throttle.admit("app", "m"));
}

TEST(Throttle, KeysAreIndependentAndZeroMeansUnlimited) {
  FixedClock clock(fixed_now());
  Throttle throttle({1, 0, 1s}, clock);
  auto a = admitted(throttle.admit("app-a", "m"));
  auto b = admitted(throttle.admit("app-b", "m"));
  auto c = admitted(throttle.admit("app-a", "n"));
  // "ab"+"c" and "a"+"bc" must not collide.
  auto d = admitted(throttle.admit("ab", "c"));
  auto e = admitted(throttle.admit("a", "bc"));
  Throttle unlimited({0, 0, 1s}, clock);
  std::vector<Throttle::Lease> leases;
  for (int i = 0; i < 1000; ++i) {
    leases.push_back(admitted(unlimited.admit("app", "m")));
  }
}

TEST(Throttle, IdleKeysAreSweptButKeysInFlightAreKept) {
  FixedClock clock(fixed_now());
  Throttle throttle({1, 0, 1s}, clock);
  auto held = admitted(throttle.admit("held", "m"));
  for (int i = 0; i < 20000; ++i) {
    admitted(throttle.admit("caller-" + std::to_string(i), "m"));
    clock.set(fixed_now() + std::chrono::seconds(i / 1000 + 2));
  }
  // Still in flight after many sweeps: the slot is still taken and releasing it is safe.
  EXPECT_EQ(refused(throttle.admit("held", "m")).limit, Throttle::Limit::kConcurrency);
  held.release();
  admitted(throttle.admit("held", "m"));
}

TEST(Throttle, NeverAdmitsMoreThanTheLimitAcrossThreads) {
  FixedClock clock(fixed_now());
  constexpr unsigned kLimit = 3;
  Throttle throttle({kLimit, 0, 600s}, clock);
  std::atomic<int> in_flight{0};
  std::atomic<int> peak{0};
  std::atomic<int> admissions{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i) {
        auto result = throttle.admit(t % 2 == 0 ? "app" : "app2", "mailbox");
        if (auto* lease = std::get_if<Throttle::Lease>(&result)) {
          const int now = ++in_flight;
          int seen = peak.load();
          while (now > seen && !peak.compare_exchange_weak(seen, now)) {
          }
          ++admissions;
          --in_flight;
          lease->release();
        }
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  EXPECT_LE(peak.load(), static_cast<int>(2 * kLimit));  // two keys, each capped at kLimit
  EXPECT_GT(admissions.load(), 0);
  std::vector<Throttle::Lease> keep;  // every slot came back
  for (unsigned i = 0; i < kLimit; ++i) {
    keep.push_back(admitted(throttle.admit("app", "mailbox")));
  }
  EXPECT_EQ(refused(throttle.admit("app", "mailbox")).limit, Throttle::Limit::kConcurrency);
}

}  // namespace
}  // namespace oofgate::core
