#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>

#include "gateway/observability/batching_worker.h"

namespace oofgate::gateway {

// Writes whole lines to one file descriptor from its own thread (a BatchingWorker), so an I/O
// thread never waits for a slow disk or a reader that stopped reading, and a full queue drops
// the line and counts it. Lines are written whole, several to one write(2) call (to a pipe or
// socket at most PIPE_BUF bytes, a longer line alone), so lines from many threads or from
// another writer to the same pipe never interleave. Batching is what keeps logging off the
// request path's bill, as nginx's `access_log ... buffer= flush=` does: a line reaches the file
// a moment (the linger) later.
class LogWriter {
 public:
  static constexpr std::chrono::milliseconds kDefaultLinger{2};

  // `fd` is not closed unless `owns_fd`; at most `capacity` lines wait at any time.
  LogWriter(int fd, bool owns_fd, std::size_t capacity = 64 * 1024, std::chrono::milliseconds linger = kDefaultLinger);
  ~LogWriter();
  LogWriter(const LogWriter&) = delete;
  LogWriter& operator=(const LogWriter&) = delete;

  // Queues `line` (which must end with '\n'); false when it was dropped because the queue is full.
  bool submit(std::string line) noexcept { return worker_.submit(std::move(line)); }
  std::uint64_t dropped() const { return worker_.dropped(); }
  // write(2) calls made so far, for tests of the batching.
  std::uint64_t writes() const { return writes_.load(std::memory_order_relaxed); }

 private:
  void write_batch(const std::deque<std::string>& batch);
  void write_all(const char* data, std::size_t size);

  int fd_;
  bool owns_fd_;
  std::size_t chunk_limit_;  // the most bytes one write(2) to fd_ keeps whole
  std::string chunk_;        // the writer thread's buffer of whole lines for one write(2)
  std::atomic<std::uint64_t> writes_{0};
  BatchingWorker<std::string> worker_;  // last: its thread uses everything above
};

}  // namespace oofgate::gateway
