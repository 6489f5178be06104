#include "gateway/server/turn_end_waker.h"

#include <algorithm>

#include <sched.h>

#include <boost/asio/post.hpp>

namespace oofgate::gateway {

void TurnEndWaker::wake_after_turn(core::Wakeable& target, bool give_way) {
  give_way_ = give_way_ || give_way;
  if (std::find(pending_.begin(), pending_.end(), &target) != pending_.end()) {
    return;
  }
  const bool first = pending_.empty();
  pending_.push_back(&target);
  if (first) {
    try {
      boost::asio::post(io_, [this]() noexcept { wake_all(); });
    } catch (...) {
      wake_all();  // out of memory for the handler: wake now rather than never
    }
  }
}

void TurnEndWaker::wake_all() noexcept {
  // Targets are woken in the order asked; none of them calls back into this waker.
  for (core::Wakeable* target : pending_) {
    target->wake();
  }
  pending_.clear();
  if (give_way_) {
    give_way_ = false;
    sched_yield();
  }
}

}  // namespace oofgate::gateway
