#pragma once

namespace oofgate::core {

// A thread to be woken once work was queued for it (the store's committer).
class Wakeable {
 public:
  virtual void wake() noexcept = 0;

 protected:
  ~Wakeable() = default;
};

// How the calling thread wants a Wakeable woken. An event-loop thread answers many requests per
// turn of its loop; waking the committer for each write queued in that turn would switch to it
// once per write (on a shared CPU the woken committer preempts the loop at once) and commit in
// small batches. Such a thread installs a deferral that wakes the committer once, when the turn's
// ready work is done, so the committer finds the whole turn's writes queued together.
// A woken committer that runs at a low scheduling priority (see CachedStore) may still wait for a
// busy CPU; `give_way` asks the caller's thread to yield its CPU at the turn's end as well, for
// when the oldest queued write has waited long enough.
class WakeDeferral {
 public:
  // Wakes `target` after the calling thread's current turn; called on that thread.
  virtual void wake_after_turn(Wakeable& target, bool give_way) = 0;

 protected:
  ~WakeDeferral() = default;
};

// The calling thread's deferral; nullptr (the default): wake at once.
WakeDeferral* this_thread_wake_deferral() noexcept;
// Installed by an event-loop thread for as long as its loop runs; nullptr removes it.
void set_this_thread_wake_deferral(WakeDeferral* deferral) noexcept;

}  // namespace oofgate::core
