#include "gateway/observability/log_writer.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>

namespace oofgate::gateway {

namespace {

// Appends to a regular file are whole however large; a pipe or socket keeps a write whole only up
// to PIPE_BUF, and another process (a shell, systemd) may write to the same one.
std::size_t largest_whole_write(int fd) {
  struct stat status {};
  if (::fstat(fd, &status) == 0 && S_ISREG(status.st_mode)) {
    return 64 * 1024;
  }
  return PIPE_BUF;
}

}  // namespace

LogWriter::LogWriter(int fd, bool owns_fd, std::size_t capacity, std::chrono::milliseconds linger)
    : fd_(fd),
      owns_fd_(owns_fd),
      chunk_limit_(largest_whole_write(fd)),
      worker_(capacity, linger, [this](std::deque<std::string>& batch) { write_batch(batch); }) {}

LogWriter::~LogWriter() {
  worker_.stop();  // every queued line is written before the descriptor closes
  if (owns_fd_) {
    ::close(fd_);
  }
}

void LogWriter::write_batch(const std::deque<std::string>& batch) {
  chunk_.clear();
  for (const auto& line : batch) {
    if (!chunk_.empty() && chunk_.size() + line.size() > chunk_limit_) {
      write_all(chunk_.data(), chunk_.size());
      chunk_.clear();
    }
    if (line.size() >= chunk_limit_) {
      write_all(line.data(), line.size());
      continue;
    }
    chunk_ += line;
  }
  if (!chunk_.empty()) {
    write_all(chunk_.data(), chunk_.size());
  }
}

void LogWriter::write_all(const char* data, std::size_t size) {
  std::size_t done = 0;
  while (done < size) {
    const ssize_t written = ::write(fd_, data + done, size - done);
    writes_.fetch_add(1, std::memory_order_relaxed);
    if (written < 0 && errno == EINTR) {
      continue;
    }
    if (written <= 0) {
      return;  // the reader went away: the rest is lost, the process goes on
    }
    done += static_cast<std::size_t>(written);
  }
}

}  // namespace oofgate::gateway
