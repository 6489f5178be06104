#include "gateway/lifecycle/signal_waiter.h"

#include <pthread.h>

namespace oofgate::gateway {

SignalWaiter::SignalWaiter() {
  sigemptyset(&signals_);
  sigaddset(&signals_, SIGINT);
  sigaddset(&signals_, SIGTERM);
  sigaddset(&signals_, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &signals_, nullptr);
}

LifecycleSignal SignalWaiter::wait() {
  int received = 0;
  while (sigwait(&signals_, &received) != 0) {
  }
  last_ = received;
  return received == SIGHUP ? LifecycleSignal::kReload : LifecycleSignal::kStop;
}

}  // namespace oofgate::gateway
