#include "gateway/lifecycle/systemd_notify.h"

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <ctime>

namespace oofgate::gateway {

SystemdNotifier SystemdNotifier::from_environment() {
  // Read once in main, before any other thread exists.
  const char* name = std::getenv("NOTIFY_SOCKET");  // NOLINT(concurrency-mt-unsafe)
  return SystemdNotifier(name != nullptr ? std::string(name) : std::string());
}

void SystemdNotifier::reloading() const {
  timespec now{};
  clock_gettime(CLOCK_MONOTONIC, &now);
  const auto usec = static_cast<unsigned long long>(now.tv_sec) * 1'000'000ULL +
                    static_cast<unsigned long long>(now.tv_nsec) / 1000ULL;
  send("RELOADING=1\nMONOTONIC_USEC=" + std::to_string(usec));
}

void SystemdNotifier::send(std::string_view state) const {
  // sd_notify accepts only absolute paths and abstract names; anything else is not systemd's.
  if (socket_name_.empty() || (socket_name_[0] != '/' && socket_name_[0] != '@')) {
    return;
  }
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  if (socket_name_.size() > sizeof(address.sun_path)) {
    return;
  }
  std::memcpy(address.sun_path, socket_name_.data(), socket_name_.size());
  if (address.sun_path[0] == '@') {
    address.sun_path[0] = '\0';  // an abstract socket: the name has no terminator
  }
  // Both kinds are addressed by their exact length; an abstract name's bytes include no NUL.
  const auto length = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + socket_name_.size());
  const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    return;
  }
  [[maybe_unused]] const auto sent =
      ::sendto(fd, state.data(), state.size(), MSG_NOSIGNAL, reinterpret_cast<const sockaddr*>(&address), length);
  ::close(fd);
}

}  // namespace oofgate::gateway
