#include "gateway/lifecycle/signal_waiter.h"

#include <pthread.h>

#include <csignal>

namespace oofgate::gateway {

SignalWaiter::SignalWaiter() {
  sigemptyset(&signals_);
  sigaddset(&signals_, SIGINT);
  sigaddset(&signals_, SIGTERM);
  sigaddset(&signals_, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &signals_, nullptr);
  // The access and audit logs write to stdout or a file: a reader that went away (a closed pipe)
  // must cost lines, never the process. Sockets already send with MSG_NOSIGNAL.
  std::signal(SIGPIPE, SIG_IGN);
}

LifecycleSignal SignalWaiter::wait() {
  int received = 0;
  while (sigwait(&signals_, &received) != 0) {
  }
  last_ = received;
  return received == SIGHUP ? LifecycleSignal::kReload : LifecycleSignal::kStop;
}

}  // namespace oofgate::gateway
