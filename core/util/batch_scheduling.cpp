#include "core/util/batch_scheduling.h"

#include <pthread.h>
#include <sched.h>

namespace oofgate::core {

bool make_this_thread_batch() noexcept {
  const sched_param batch_priority{};  // SCHED_BATCH takes priority 0; niceness is kept
  return pthread_setschedparam(pthread_self(), SCHED_BATCH, &batch_priority) == 0;
}

}  // namespace oofgate::core
