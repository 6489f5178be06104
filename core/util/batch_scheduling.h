#pragma once

namespace oofgate::core {

// Makes the calling thread a SCHED_BATCH thread: when another thread wakes it, it does not
// preempt that thread (Linux's fair scheduler runs it on a free CPU, when the waker sleeps, or
// at the next tick). For threads that take work off the I/O threads in batches (the committer,
// the log writer): on a busy CPU the I/O thread goes on answering, and the background thread
// then takes everything queued at once. False when the policy could not be set; the thread runs
// on under its old policy.
bool make_this_thread_batch() noexcept;

}  // namespace oofgate::core
