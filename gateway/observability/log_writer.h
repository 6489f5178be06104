#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

namespace oofgate::gateway {

// Writes whole lines to one file descriptor from its own thread, so an I/O thread never waits for
// a slow disk or a reader that stopped reading: submit() only queues, and a full queue drops the
// line and counts it (never blocks). Lines are written whole, several to one write(2) call (to a
// pipe or socket at most PIPE_BUF bytes, a longer line alone), so lines from many threads or from
// another writer to the same pipe never interleave.
//
// Batching is what keeps logging off the request path's bill: the writer is woken only when the
// queue goes from empty to not empty, and then lingers `linger` before it takes the queue, so
// under load one wake-up and a handful of writes carry hundreds of lines (nginx's
// `access_log ... buffer= flush=` makes the same trade: a line reaches the file a moment later).
class LogWriter {
 public:
  static constexpr std::chrono::milliseconds kDefaultLinger{2};

  // `fd` is not closed unless `owns_fd`; at most `capacity` lines wait at any time.
  LogWriter(int fd, bool owns_fd, std::size_t capacity = 64 * 1024, std::chrono::milliseconds linger = kDefaultLinger);
  ~LogWriter();
  LogWriter(const LogWriter&) = delete;
  LogWriter& operator=(const LogWriter&) = delete;

  // Queues `line` (which must end with '\n'); false when it was dropped because the queue is full.
  bool submit(std::string line) noexcept;
  std::uint64_t dropped() const { return dropped_.load(std::memory_order_relaxed); }
  // write(2) calls made so far, for tests of the batching.
  std::uint64_t writes() const { return writes_.load(std::memory_order_relaxed); }

 private:
  void run();
  void write_batch(const std::deque<std::string>& batch);
  void write_all(const char* data, std::size_t size);

  int fd_;
  bool owns_fd_;
  std::size_t capacity_;
  std::chrono::milliseconds linger_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::string> queue_;
  bool stopping_ = false;
  std::atomic<std::uint64_t> dropped_{0};
  std::atomic<std::uint64_t> writes_{0};
  std::size_t chunk_limit_;  // the most bytes one write(2) to fd_ keeps whole
  std::string chunk_;        // the writer thread's buffer of whole lines for one write(2)
  std::thread thread_;
};

}  // namespace oofgate::gateway
