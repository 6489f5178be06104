#pragma once

#include <chrono>
#include <memory>

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include "gateway/server/session_context.h"

namespace oofgate::gateway {

// Enforces the read, write and idle timeouts of one I/O thread's connections with one timer.
// A session only stores its deadline (a plain store, no clock read beyond the kernel's tick);
// every kInterval this sweep closes the sessions whose deadline has passed. With a timer per
// operation instead, every request armed and cancelled two of them, each under the reactor's lock.
// Timeouts are whole seconds, so a close comes at most one interval late.
class DeadlineSweeper : public std::enable_shared_from_this<DeadlineSweeper> {
 public:
  static constexpr std::chrono::milliseconds kInterval{250};

  DeadlineSweeper(boost::asio::io_context& io, SessionContext& context) : timer_(io), context_(context) {}

  void start();
  // Sweeps no more; pending sweeps end without effect.
  void stop();

 private:
  void arm();
  void sweep();

  boost::asio::steady_timer timer_;
  SessionContext& context_;
  bool stopped_ = false;
};

}  // namespace oofgate::gateway
