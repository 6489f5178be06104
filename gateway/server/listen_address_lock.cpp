#include "gateway/server/listen_address_lock.h"

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <optional>
#include <system_error>
#include <utility>

namespace oofgate::gateway {

namespace {

struct AbstractName {
  sockaddr_un address{};
  socklen_t length = 0;
};

// The leading NUL puts the name in the abstract namespace: no file, nothing left behind.
AbstractName abstract_name(std::uint16_t port) {
  AbstractName name;
  name.address.sun_family = AF_UNIX;
  const std::string text = "oofgate/listen/tcp:" + std::to_string(port);
  std::memcpy(name.address.sun_path + 1, text.data(), text.size());
  name.length = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + 1 + text.size());
  return name;
}

// The holder listens on its name, so a connection reveals its PID (SO_PEERCRED: the
// credentials it had when it called listen()). Non-blocking: a full backlog only loses the PID.
std::optional<pid_t> holder_pid(const AbstractName& name) {
  const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  if (fd < 0) {
    return std::nullopt;
  }
  std::optional<pid_t> pid;
  ucred credentials{};
  socklen_t size = sizeof credentials;
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&name.address), name.length) == 0 &&
      ::getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &credentials, &size) == 0 && credentials.pid > 0) {
    pid = credentials.pid;
  }
  ::close(fd);
  return pid;
}

core::Error lock_error(const std::string& address, const std::string& what) {
  return core::Error{core::ErrorCode::kInvalidArgument, "cannot listen on " + address + ": " + what};
}

}  // namespace

core::Result<ListenAddressLock> ListenAddressLock::acquire(std::uint16_t port, const std::string& address) {
  const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    return lock_error(address, std::generic_category().message(errno));
  }
  ListenAddressLock lock{LockHandle(fd)};
  const auto name = abstract_name(port);
  if (::bind(fd, reinterpret_cast<const sockaddr*>(&name.address), name.length) != 0) {
    if (errno != EADDRINUSE) {
      return lock_error(address, std::generic_category().message(errno));
    }
    const auto holder = holder_pid(name);
    return lock_error(address, "another oofgate process" + (holder ? " (PID " + std::to_string(*holder) + ")" : "") +
                                   " already listens on port " + std::to_string(port) +
                                   "; one oofgate per port at a time");
  }
  // Never accepted: the listen() only records our PID for holder_pid() of a second process.
  if (::listen(fd, 4) != 0) {
    return lock_error(address, std::generic_category().message(errno));
  }
  return lock;
}

}  // namespace oofgate::gateway
