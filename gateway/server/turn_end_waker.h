#pragma once

#include <vector>

#include <boost/asio/io_context.hpp>

#include "core/store/commit_wakeup.h"

namespace oofgate::gateway {

// An I/O thread's WakeDeferral: the first wake-up asked for in a turn of the io_context posts one
// handler, which runs after the completions already queued in that turn (Asio runs handlers in
// order) and wakes every target asked for meanwhile, once; then, if a target asked, it yields the
// CPU (sched_yield), so a committer sharing this CPU runs now rather than at the scheduler's next
// tick. Lives on the I/O thread's stack for as long as its io_context runs there.
class TurnEndWaker final : public core::WakeDeferral {
 public:
  explicit TurnEndWaker(boost::asio::io_context& io) : io_(io) {}

  void wake_after_turn(core::Wakeable& target, bool give_way) override;

 private:
  void wake_all() noexcept;

  boost::asio::io_context& io_;
  std::vector<core::Wakeable*> pending_;
  bool give_way_ = false;
};

}  // namespace oofgate::gateway
