#pragma once

#include <string>
#include <string_view>

namespace oofgate::gateway {

// systemd's readiness protocol (sd_notify(3)) without libsystemd: one datagram per state change
// to the AF_UNIX socket named by $NOTIFY_SOCKET (a path, or an abstract name written "@name").
// Without $NOTIFY_SOCKET (not started by systemd with Type=notify) every call does nothing.
class SystemdNotifier {
 public:
  // Reads $NOTIFY_SOCKET once, at start-up, before any thread could change the environment.
  static SystemdNotifier from_environment();

  // The listeners are bound and the store is open.
  void ready() const { send("READY=1"); }
  // A reload starts: RELOADING=1 with the CLOCK_MONOTONIC time systemd expects for Type=notify-reload.
  void reloading() const;
  void stopping() const { send("STOPPING=1"); }

  // Sends `state` (newline-separated KEY=VALUE lines). Failures are ignored: the service keeps
  // running whether or not its supervisor listens.
  void send(std::string_view state) const;

 private:
  explicit SystemdNotifier(std::string socket_name) : socket_name_(std::move(socket_name)) {}
  std::string socket_name_;  // as in $NOTIFY_SOCKET; empty: not supervised
};

}  // namespace oofgate::gateway
