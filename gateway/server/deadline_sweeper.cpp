#include "gateway/server/deadline_sweeper.h"

namespace oofgate::gateway {

void DeadlineSweeper::start() { arm(); }

void DeadlineSweeper::stop() {
  stopped_ = true;
  timer_.cancel();
}

void DeadlineSweeper::arm() {
  timer_.expires_after(kInterval);
  timer_.async_wait([self = shared_from_this()](boost::system::error_code error) {
    if (!error && !self->stopped_) {
      self->sweep();
    }
  });
}

void DeadlineSweeper::sweep() {
  context_.expire_overdue(coarse_now());
  // While stopping, the io_context's run() returns once nothing is left to do: the sweep keeps
  // it alive only as long as a connection still has a deadline to be held to.
  if (context_.draining() && context_.live_sessions() == 0) {
    return;
  }
  arm();
}

}  // namespace oofgate::gateway
