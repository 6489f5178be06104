#pragma once

#include <functional>

namespace oofgate::core {

// Somewhere to run work that burns CPU or blocks (PBKDF2, file writes with fsync) away from the
// threads that serve connections. The core only sees this interface; the gateway owns the threads.
class BlockingWork {
 public:
  virtual ~BlockingWork() = default;

  // Queues `run`. True: exactly one of `run` (on a worker thread) or `cancel` (when the executor
  // shuts down before running it) will be called, once. False: the queue is full and neither is
  // called; the caller answers "busy" itself.
  virtual bool submit(std::function<void()> run, std::function<void()> cancel) = 0;
};

}  // namespace oofgate::core
