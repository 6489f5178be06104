// One oofgate per TCP port: ListenAddressLock.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

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
  int ready[2];
  ASSERT_EQ(pipe(ready), 0);
  const pid_t child = fork();
  if (child == 0) {
    auto lock = ListenAddressLock::acquire(kPort, "127.0.0.1:4");
    const char byte = lock ? 'y' : 'n';
    (void)!write(ready[1], &byte, 1);
    pause();
    _exit(0);
  }
  char byte = 0;
  ASSERT_EQ(read(ready[0], &byte, 1), 1);
  close(ready[0]);
  close(ready[1]);
  ASSERT_EQ(byte, 'y');
  const auto while_held = ListenAddressLock::acquire(kPort, "127.0.0.1:4");
  ASSERT_FALSE(while_held.ok());
  EXPECT_NE(while_held.error().message.find("(PID " + std::to_string(child) + ")"), std::string::npos);
  ::kill(child, SIGKILL);
  waitpid(child, nullptr, 0);
  EXPECT_TRUE(ListenAddressLock::acquire(kPort, "127.0.0.1:4").ok());
}

}  // namespace
}  // namespace oofgate::gateway
