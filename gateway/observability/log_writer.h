#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace oofgate::gateway {

// Writes whole lines to one file descriptor from its own thread, so an I/O thread never waits
// for a slow disk or a reader that stopped reading, and a full buffer drops the line and counts
// it. Each submitting thread appends to a buffer of its own (a lane), so a line costs no
// allocation and no lock another submitter holds; the writer thread takes every lane's buffer at
// once and writes whole lines, several to one write(2) call (to a pipe or socket at most
// PIPE_BUF bytes, a longer line alone), so lines from many threads or from another writer to the
// same pipe never interleave. Batching is what keeps logging off the request path's bill, as
// nginx's `access_log ... buffer= flush=` does: a line reaches the file a moment (the linger)
// later, sooner once a lane holds kEarlyFlushBytes. While lines keep coming the writer keeps that
// cadence on its own timer; only the first line after a linger without any wakes it, so a busy
// I/O thread makes no wake-up calls. The writer thread runs as SCHED_BATCH, so its wake-ups do
// not preempt the I/O thread it shares a CPU with.
class LogWriter {
 public:
  static constexpr std::chrono::milliseconds kDefaultLinger{10};
  // A lane holding this much is written without waiting for the rest of the linger.
  static constexpr std::size_t kEarlyFlushBytes = 256 * 1024;
  // The most one lane holds while the writer is behind; more is dropped.
  static constexpr std::size_t kDefaultLaneCapacity = 4 * 1024 * 1024;

  // `fd` is not closed unless `owns_fd`; each submitting thread's lane holds at most
  // `lane_capacity` bytes (and always one line) waiting to be written.
  LogWriter(int fd, bool owns_fd, std::size_t lane_capacity = kDefaultLaneCapacity,
            std::chrono::milliseconds linger = kDefaultLinger);
  ~LogWriter();
  LogWriter(const LogWriter&) = delete;
  LogWriter& operator=(const LogWriter&) = delete;

  // Queues `line` (which must end with '\n'); false when it was dropped (lane full, or stopped).
  bool submit(std::string_view line) noexcept {
    return append([line](std::string& out) { out.append(line); });
  }

  // Queues the line(s) `format(std::string& out)` appends to `out` (each ending with '\n'),
  // formatted in place in this thread's lane: no copy, no allocation once the lane has grown.
  // False when dropped; what `format` appended before it threw is dropped with it.
  template <typename Format>
  bool append(Format&& format) noexcept {
    Lane* lane = lane_of_this_thread();
    if (lane == nullptr) {
      dropped_.fetch_add(1, std::memory_order_relaxed);
      return false;
    }
    std::size_t before = 0;
    std::size_t after = 0;
    {
      const std::lock_guard lock(lane->mutex);
      before = lane->pending.size();
      if (before >= lane_capacity_ || stopping_.load(std::memory_order_relaxed)) {
        dropped_.fetch_add(1, std::memory_order_relaxed);
        return false;
      }
      try {
        format(lane->pending);
      } catch (...) {
        lane->pending.resize(before);
        dropped_.fetch_add(1, std::memory_order_relaxed);
        return false;
      }
      after = lane->pending.size();
    }
    after_append(before, after);
    return true;
  }

  // Lines dropped so far.
  std::uint64_t dropped() const { return dropped_.load(std::memory_order_relaxed); }
  // write(2) calls made so far, for tests of the batching.
  std::uint64_t writes() const { return writes_.load(std::memory_order_relaxed); }
  // Times a submitter woke the writer thread, for tests of its cadence.
  std::uint64_t wake_ups() const { return wake_ups_.load(std::memory_order_relaxed); }

 private:
  struct Lane {
    std::thread::id owner;
    std::mutex mutex;
    std::string pending;  // whole lines, oldest first
  };

  Lane* lane_of_this_thread() noexcept;
  Lane* find_or_add_lane();
  void after_append(std::size_t before, std::size_t after) noexcept;
  void wake(bool early) noexcept;
  void run();
  bool write_every_lane();  // true when any lane held a line
  bool any_lane_pending();
  std::vector<Lane*> current_lanes();
  void write_lines(const std::string& lines);
  void write_all(const char* data, std::size_t size);
  void stop();

  int fd_;
  bool owns_fd_;
  std::size_t lane_capacity_;
  std::chrono::milliseconds linger_;
  std::size_t chunk_limit_;  // the most bytes one write(2) to fd_ keeps whole
  std::uint64_t serial_;     // tells this writer's lanes from an earlier writer's at the same address
  std::string spare_;        // the writer thread's: swapped for a lane's lines, so buffers keep their capacity

  std::mutex lanes_mutex_;  // guards lanes_ (only when a thread submits for the first time)
  std::vector<std::unique_ptr<Lane>> lanes_;

  std::mutex wake_mutex_;  // with wake_: the writer thread's sleep
  std::condition_variable wake_;
  bool stop_requested_ = false;        // under wake_mutex_
  bool early_ = false;                 // under wake_mutex_: a lane passed kEarlyFlushBytes
  std::atomic<bool> armed_{false};     // the writer is on its linger cadence: no line needs to wake it
  std::atomic<bool> stopping_{false};  // submits are refused

  std::atomic<std::uint64_t> dropped_{0};
  std::atomic<std::uint64_t> writes_{0};
  std::atomic<std::uint64_t> wake_ups_{0};
  std::thread thread_;  // last: its thread uses everything above
};

}  // namespace oofgate::gateway
