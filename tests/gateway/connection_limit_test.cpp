#include <optional>
#include <vector>

#include <gtest/gtest.h>

#include "gateway/server/connection_limit.h"

namespace oofgate::gateway {
namespace {

TEST(ConnectionLimit, RefusesBeyondTheMaximumUntilASlotIsReturned) {
  ConnectionLimit limit(2);
  auto first = limit.try_acquire();
  std::optional<ConnectionLimit::Slot> second = limit.try_acquire();
  ASSERT_TRUE(first && second);
  EXPECT_FALSE(limit.try_acquire());
  EXPECT_EQ(limit.open(), 2U);
  second.reset();
  EXPECT_EQ(limit.open(), 1U);
  auto third = limit.try_acquire();
  EXPECT_TRUE(third);
  third->release();
  third->release();  // releasing twice returns the slot once
  EXPECT_EQ(limit.open(), 1U);
}

TEST(ConnectionLimit, AMovedSlotIsReturnedOnce) {
  ConnectionLimit limit(1);
  {
    auto slot = limit.try_acquire();
    ASSERT_TRUE(slot);
    ConnectionLimit::Slot moved(std::move(*slot));
    slot.reset();
    EXPECT_EQ(limit.open(), 1U);
  }
  EXPECT_EQ(limit.open(), 0U);
}

}  // namespace
}  // namespace oofgate::gateway
