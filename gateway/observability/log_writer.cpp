#include "gateway/observability/log_writer.h"

#include <unistd.h>

#include <cerrno>

namespace oofgate::gateway {
namespace {

void write_all(int fd, const std::string& line) {
  std::size_t done = 0;
  while (done < line.size()) {
    const ssize_t written = ::write(fd, line.data() + done, line.size() - done);
    if (written < 0 && errno == EINTR) {
      continue;
    }
    if (written <= 0) {
      return;  // the reader went away: the line is lost, the process goes on
    }
    done += static_cast<std::size_t>(written);
  }
}

}  // namespace

LogWriter::LogWriter(int fd, bool owns_fd, std::size_t capacity)
    : fd_(fd), owns_fd_(owns_fd), capacity_(capacity), thread_([this] { run(); }) {}

LogWriter::~LogWriter() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
  if (owns_fd_) {
    ::close(fd_);
  }
}

bool LogWriter::submit(std::string line) noexcept {
  try {
    {
      const std::lock_guard lock(mutex_);
      if (queue_.size() >= capacity_ || stopping_) {
        dropped_.fetch_add(1, std::memory_order_relaxed);
        return false;
      }
      queue_.push_back(std::move(line));
    }
    wake_.notify_one();
    return true;
  } catch (...) {
    dropped_.fetch_add(1, std::memory_order_relaxed);
    return false;
  }
}

void LogWriter::run() {
  std::deque<std::string> batch;
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) {
        return;  // stopping, and every queued line is written
      }
      batch.swap(queue_);
    }
    for (const auto& line : batch) {
      write_all(fd_, line);
    }
    batch.clear();
  }
}

}  // namespace oofgate::gateway
