// The process's budget for request bodies in memory.
#include <gtest/gtest.h>

#include <cstddef>
#include <limits>
#include <thread>
#include <vector>

#include "gateway/server/body_budget.h"

namespace oofgate::gateway {
namespace {

TEST(BodyBudget, ReservesUpToItsCapacityAndNoMore) {
  BodyBudget budget(1000);
  EXPECT_TRUE(budget.try_reserve(600));
  EXPECT_TRUE(budget.try_reserve(400));
  EXPECT_FALSE(budget.try_reserve(1));
  EXPECT_EQ(budget.in_use(), 1000U);
  budget.release(400);
  EXPECT_FALSE(budget.try_reserve(401));
  EXPECT_TRUE(budget.try_reserve(400));
  EXPECT_FALSE(budget.try_reserve(std::numeric_limits<std::size_t>::max())) << "no wrap-around";
}

TEST(BodyBudget, ConcurrentReservationsNeverOvershoot) {
  constexpr std::size_t kCapacity = 64;
  BodyBudget budget(kCapacity);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&budget, kCapacity] {
      for (int i = 0; i < 20000; ++i) {
        if (budget.try_reserve(3)) {
          EXPECT_LE(budget.in_use(), kCapacity);
          budget.release(3);
        }
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  EXPECT_EQ(budget.in_use(), 0U);
}

}  // namespace
}  // namespace oofgate::gateway
