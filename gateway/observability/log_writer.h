#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "gateway/observability/byte_buffer.h"

namespace oofgate::gateway {

// Writes whole lines to one file descriptor from its own thread, so an I/O thread never waits
// for a slow disk or a reader that stopped reading, and a full buffer drops the line and counts
// it. Each submitting thread appends to a buffer of its own (a lane), so a line costs no
// allocation and no lock another submitter holds. A lane holds entries, not text: each is a
// payload and the function that renders it, so a submitter may copy a line's raw facts (a few
// short strings and numbers) and leave the formatting to the writer thread, which renders a
// batch's entries in one tight loop (formatting in place cost the I/O thread three times as much:
// perf put an access line at 0.4 us there, 0.1 us in a loop). The writer thread takes every
// lane's buffer at once and writes whole lines, several to one write(2) call (to a pipe or socket
// at most PIPE_BUF bytes, a longer line alone), so lines from many threads or from another writer
// to the same pipe never interleave. Batching is what keeps logging off the request path's bill,
// as nginx's `access_log ... buffer= flush=` does: a line reaches the file a moment (the linger)
// later, sooner once a lane holds kEarlyFlushBytes. While lines keep coming the writer keeps that
// cadence on its own timer; only the first line after a linger without any wakes it, so a busy
// I/O thread makes no wake-up calls. The writer thread runs as SCHED_BATCH, so its wake-ups do
// not preempt the I/O thread it shares a CPU with.
class LogWriter {
 public:
  // Long enough that a busy gateway's batch is a few hundred kilobytes: each write(2) to a file
  // has a fixed cost (ext4 starts a journal handle and stamps the inode), and side-by-side runs
  // put a line's share of the log thread at 0.30 us with 10 ms, 0.25 with 50.
  static constexpr std::chrono::milliseconds kDefaultLinger{50};
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

  // Appends to `out` the text of one entry's payload: whole lines, each ending with '\n'. Called
  // on the writer thread; what it appended before it threw is dropped with the entry.
  using Renderer = void (*)(std::string_view payload, ByteBuffer& out);

  // Queues `line` (which must end with '\n'); false when it was dropped (lane full, or stopped).
  bool submit(std::string_view line) noexcept {
    return append_entry(&render_text, line.size(),
                        [line](char* at) noexcept { std::memcpy(at, line.data(), line.size()); });
  }

  // Queues the line(s) `format(std::string& out)` appends to `out` (each ending with '\n'),
  // formatted in a buffer of this thread's own and copied into its lane. False when dropped;
  // what `format` appended before it threw is dropped with it.
  template <typename Format>
  bool append(Format&& format) noexcept {
    thread_local std::string formatted;  // keeps its capacity: a line allocates nothing
    formatted.clear();
    try {
      format(formatted);
    } catch (...) {
      dropped_.fetch_add(1, std::memory_order_relaxed);
      return false;
    }
    return submit(formatted);
  }

  // Queues an entry of `payload_size` bytes, which `write(char* at)` (noexcept) writes at `at`
  // in this thread's lane, and which `render` turns into lines on the writer thread. False when
  // dropped: the lane is full, the writer stopped, or no memory was left to grow the lane.
  template <typename Write>
  bool append_entry(Renderer render, std::size_t payload_size, Write&& write) noexcept {
    static_assert(noexcept(write(static_cast<char*>(nullptr))), "an entry is written whole or not at all");
    Lane* lane = lane_of_this_thread();
    if (lane == nullptr || payload_size > kLargestPayload) {
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
      char* at = nullptr;
      try {
        at = lane->pending.extend(kEntryHeader + payload_size);
      } catch (...) {
        dropped_.fetch_add(1, std::memory_order_relaxed);
        return false;
      }
      const auto size = static_cast<std::uint32_t>(payload_size);
      std::memcpy(at, &render, sizeof render);
      std::memcpy(at + sizeof render, &size, sizeof size);
      write(at + kEntryHeader);
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
  // An entry in a lane: its renderer and its payload's size, then the payload.
  static constexpr std::size_t kEntryHeader = sizeof(Renderer) + sizeof(std::uint32_t);
  static constexpr std::size_t kLargestPayload = std::numeric_limits<std::uint32_t>::max();

  static void render_text(std::string_view payload, ByteBuffer& out) { out.append(payload); }

  struct Lane {
    std::thread::id owner;
    std::mutex mutex;
    ByteBuffer pending;  // whole entries, oldest first
  };

  Lane* lane_of_this_thread() noexcept;
  Lane* find_or_add_lane();
  void after_append(std::size_t before, std::size_t after) noexcept;
  void wake(bool early) noexcept;
  void run();
  bool write_every_lane();                        // true when any lane held a line
  void render_entries(std::string_view entries);  // into text_
  bool any_lane_pending();
  std::vector<Lane*> current_lanes();
  void write_lines(std::string_view lines);
  void write_all(const char* data, std::size_t size);
  void stop();

  int fd_;
  bool owns_fd_;
  std::size_t lane_capacity_;
  std::chrono::milliseconds linger_;
  std::size_t chunk_limit_;  // the most bytes one write(2) to fd_ keeps whole
  std::uint64_t serial_;     // tells this writer's lanes from an earlier writer's at the same address
  ByteBuffer spare_;         // the writer thread's: swapped for a lane's entries, so buffers keep their capacity
  ByteBuffer text_;          // the writer thread's: the lines rendered from spare_

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
