#pragma once

#include <csignal>

namespace oofgate::gateway {

// What the operator asked for by signal.
enum class LifecycleSignal { kStop, kReload };

// Receives SIGINT, SIGTERM (stop) and SIGHUP (reload) synchronously on the thread that calls
// wait(). Construct it before any thread starts: the signals are blocked in the constructing
// thread and every thread started after it inherits the mask, so none of them is ever
// interrupted and SIGHUP no longer ends the process.
class SignalWaiter {
 public:
  SignalWaiter();
  SignalWaiter(const SignalWaiter&) = delete;
  SignalWaiter& operator=(const SignalWaiter&) = delete;

  // Blocks until one of the signals arrives.
  LifecycleSignal wait();
  // The number of the last signal received (for the log line).
  int last_signal() const { return last_; }

 private:
  sigset_t signals_{};
  int last_ = 0;
};

}  // namespace oofgate::gateway
