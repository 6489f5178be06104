#include "gateway/observability/log_writer.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>

#include "core/util/batch_scheduling.h"

namespace oofgate::gateway {

namespace {

// Appends to a regular file are whole however large, so a batch goes out in as few writes as its
// size allows (1 MiB bounds one call's hold on the inode); a pipe or socket keeps a write whole
// only up to PIPE_BUF, and another process (a shell, systemd) may write to the same one.
std::size_t largest_whole_write(int fd) {
  struct stat status {};
  if (::fstat(fd, &status) == 0 && S_ISREG(status.st_mode)) {
    return 1024 * 1024;
  }
  return PIPE_BUF;
}

std::uint64_t next_serial() {
  static std::atomic<std::uint64_t> last{0};
  return last.fetch_add(1, std::memory_order_relaxed) + 1;
}

// The lane this thread used last, and whose it is: a thread submits to one writer (the access
// log from an I/O thread, the audit log from the audit thread), so one entry finds it lock-free.
struct LastLane {
  std::uint64_t serial = 0;
  void* lane = nullptr;
};
thread_local LastLane last_lane;

}  // namespace

LogWriter::LogWriter(int fd, bool owns_fd, std::size_t lane_capacity, std::chrono::milliseconds linger)
    : fd_(fd),
      owns_fd_(owns_fd),
      lane_capacity_(lane_capacity),
      linger_(linger),
      chunk_limit_(largest_whole_write(fd)),
      serial_(next_serial()),
      thread_([this] { run(); }) {}

LogWriter::~LogWriter() {
  stop();  // every queued line is written before the descriptor closes
  if (owns_fd_) {
    ::close(fd_);
  }
}

LogWriter::Lane* LogWriter::lane_of_this_thread() noexcept {
  if (last_lane.serial == serial_) {
    return static_cast<Lane*>(last_lane.lane);
  }
  try {
    Lane* lane = find_or_add_lane();
    last_lane = LastLane{serial_, lane};
    return lane;
  } catch (...) {
    return nullptr;  // out of memory for a new lane: the line is dropped
  }
}

LogWriter::Lane* LogWriter::find_or_add_lane() {
  const auto self = std::this_thread::get_id();
  const std::lock_guard lock(lanes_mutex_);
  const auto found =
      std::find_if(lanes_.begin(), lanes_.end(), [self](const auto& lane) { return lane->owner == self; });
  if (found != lanes_.end()) {
    return found->get();
  }
  lanes_.push_back(std::make_unique<Lane>());
  lanes_.back()->owner = self;
  return lanes_.back().get();
}

void LogWriter::after_append(std::size_t before, std::size_t after) noexcept {
  // A plain load first: a busy writer stays armed, and the exchange is a locked instruction. The
  // lane's mutex orders this load after a disarming the writer's last look did not see past.
  if (before == 0 && !armed_.load() && !armed_.exchange(true)) {
    wake(false);  // the first line since the writer went idle: it starts its linger
  } else if (before < kEarlyFlushBytes && after >= kEarlyFlushBytes) {
    wake(true);
  }
}

void LogWriter::wake(bool early) noexcept {
  wake_ups_.fetch_add(1, std::memory_order_relaxed);
  {
    // Under the mutex, so the writer cannot miss it between testing its condition and sleeping.
    const std::lock_guard lock(wake_mutex_);
    early_ = early_ || early;
  }
  wake_.notify_one();
}

void LogWriter::stop() {
  stopping_.store(true);
  {
    const std::lock_guard lock(wake_mutex_);
    stop_requested_ = true;
  }
  wake_.notify_one();
  if (thread_.joinable()) {
    thread_.join();
  }
}

void LogWriter::run() {
  core::make_this_thread_batch();
  for (;;) {
    bool stop = false;
    {
      std::unique_lock lock(wake_mutex_);
      // Idle until a line arrives; while lines keep coming the writer stays armed and only its
      // linger wakes it, so a busy I/O thread never makes a wake-up call (perf had put the
      // wake-ups, two context switches per batch, at a third of the writer thread's samples).
      wake_.wait(lock, [this] { return stop_requested_ || armed_.load(); });
      if (!stop_requested_ && !early_ && linger_.count() > 0) {
        // Let the lines of the next moment join this batch; a stop or a full lane cuts it short.
        wake_.wait_for(lock, linger_, [this] { return stop_requested_ || early_; });
      }
      early_ = false;
      stop = stop_requested_;
    }
    const bool wrote = write_every_lane();
    if (stop) {
      return;  // submits were refused before the stop was requested: nothing is left behind
    }
    if (!wrote) {
      // A linger without a line: go idle. Disarmed before the last look, so a line the look
      // misses was added after it and finds the writer disarmed, and wakes it.
      armed_.store(false);
      if (any_lane_pending()) {
        armed_.store(true);
      }
    }
  }
}

bool LogWriter::write_every_lane() {
  bool wrote = false;
  for (Lane* lane : current_lanes()) {
    {
      // The lane gets back an empty buffer with the capacity of one it had before.
      const std::lock_guard lock(lane->mutex);
      spare_.swap(lane->pending);
    }
    wrote = wrote || !spare_.empty();
    render_entries(spare_.view());
    spare_.clear();
    write_lines(text_.view());
    text_.clear();
  }
  return wrote;
}

void LogWriter::render_entries(std::string_view entries) {
  std::size_t at = 0;
  while (entries.size() - at >= kEntryHeader) {
    Renderer render = nullptr;
    std::uint32_t size = 0;
    std::memcpy(&render, entries.data() + at, sizeof render);
    std::memcpy(&size, entries.data() + at + sizeof render, sizeof size);
    const std::string_view payload(entries.data() + at + kEntryHeader, size);
    at += kEntryHeader + size;
    const std::size_t rendered = text_.size();
    try {
      render(payload, text_);
    } catch (...) {
      text_.truncate(rendered);  // out of memory: this entry's line is lost, the batch is written
      dropped_.fetch_add(1, std::memory_order_relaxed);
    }
  }
}

bool LogWriter::any_lane_pending() {
  for (Lane* lane : current_lanes()) {
    const std::lock_guard lock(lane->mutex);
    if (!lane->pending.empty()) {
      return true;
    }
  }
  return false;
}

std::vector<LogWriter::Lane*> LogWriter::current_lanes() {
  std::vector<Lane*> lanes;
  const std::lock_guard lock(lanes_mutex_);
  lanes.reserve(lanes_.size());
  for (const auto& lane : lanes_) {
    lanes.push_back(lane.get());
  }
  return lanes;
}

void LogWriter::write_lines(std::string_view lines) {
  std::size_t start = 0;
  while (start < lines.size()) {
    std::size_t end = lines.size();
    if (end - start > chunk_limit_) {
      // Up to the last line that fits whole; a line longer than the limit goes out alone.
      const std::size_t last_newline = lines.rfind('\n', start + chunk_limit_ - 1);
      if (last_newline != std::string_view::npos && last_newline >= start) {
        end = last_newline + 1;
      } else {
        const std::size_t newline = lines.find('\n', start);
        end = newline == std::string_view::npos ? lines.size() : newline + 1;
      }
    }
    write_all(lines.data() + start, end - start);
    start = end;
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
