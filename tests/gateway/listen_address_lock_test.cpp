// One oofgate per TCP port: ListenAddressLock.
#include <unistd.h>

#include <optional>

#include <gtest/gtest.h>

#include "gateway/lock_holder.h"
#include "gateway/server/listen_address_lock.h"

namespace oofgate::gateway {
namespace {

// The lock is only a name and binds no port, so low port numbers are safe to use here; each
// test has its own, since ctest may run them in parallel processes.

TEST(ListenAddressLock, SecondHolderIsRefusedNamingTheAddressAndPid) {
  constexpr std::uint16_t kPort = 1;
  const auto first = ListenAddressLock::acquire(kPort, "127.0.0.1:1");
  ASSERT_TRUE(first.ok()) << first.error().message;
  const auto second = ListenAddressLock::acquire(kPort, "0.0.0.0:1");
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().message, "cannot listen on 0.0.0.0:1: another oofgate process (PID " +
                                        std::to_string(getpid()) +
                                        ") already listens on port 1; one oofgate per port at a time");
}

TEST(ListenAddressLock, OtherPortsAreFree) {
  const auto first = ListenAddressLock::acquire(2, "127.0.0.1:2");
  ASSERT_TRUE(first.ok());
  EXPECT_TRUE(ListenAddressLock::acquire(3, "127.0.0.1:3").ok());
}

TEST(ListenAddressLock, ReleasedWhenDestroyedOrWhenTheHolderDies) {
  constexpr std::uint16_t kPort = 4;
  { ASSERT_TRUE(ListenAddressLock::acquire(kPort, "127.0.0.1:4").ok()); }
  LockHolder child([] {
    static std::optional<ListenAddressLock> kept;
    auto lock = ListenAddressLock::acquire(kPort, "127.0.0.1:4");
    if (lock) {
      kept = std::move(lock).value();
    }
    return kept.has_value();
  });
  ASSERT_TRUE(child.held());
  const auto while_held = ListenAddressLock::acquire(kPort, "127.0.0.1:4");
  ASSERT_FALSE(while_held.ok());
  EXPECT_NE(while_held.error().message.find("(PID " + std::to_string(child.pid()) + ")"), std::string::npos);
  child.kill();
  EXPECT_TRUE(ListenAddressLock::acquire(kPort, "127.0.0.1:4").ok());
}

}  // namespace
}  // namespace oofgate::gateway
