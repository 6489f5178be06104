#pragma once

#include <atomic>
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
// line and counts it (never blocks). Each line goes out in one write(2) call, so lines from many
// threads never interleave.
class LogWriter {
 public:
  // `fd` is not closed unless `owns_fd`; at most `capacity` lines wait at any time.
  LogWriter(int fd, bool owns_fd, std::size_t capacity = 64 * 1024);
  ~LogWriter();
  LogWriter(const LogWriter&) = delete;
  LogWriter& operator=(const LogWriter&) = delete;

  // Queues `line` (which must end with '\n'); false when it was dropped because the queue is full.
  bool submit(std::string line) noexcept;
  std::uint64_t dropped() const { return dropped_.load(std::memory_order_relaxed); }

 private:
  void run();

  int fd_;
  bool owns_fd_;
  std::size_t capacity_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::string> queue_;
  bool stopping_ = false;
  std::atomic<std::uint64_t> dropped_{0};
  std::thread thread_;
};

}  // namespace oofgate::gateway
