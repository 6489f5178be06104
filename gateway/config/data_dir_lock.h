#pragma once

#include <sys/types.h>

#include <filesystem>
#include <optional>
#include <utility>
#include <vector>

#include "core/result.h"
#include "gateway/config/lock_handle.h"

namespace oofgate::gateway {

// An exclusive flock(2) on one file, held while the object lives. The kernel drops the lock when
// the process dies, however it dies, so a lock file left behind by a killed process never
// blocks the next start.
class FileLock {
 public:
  // Opens `path` (created if absent) and locks it without waiting. With `write_pid` the file's
  // content becomes this process's PID, for operators. If another process holds the lock, the
  // error names it (its PID when the kernel tells, see holder_of()).
  static core::Result<FileLock> acquire(const std::filesystem::path& path, bool write_pid);

 private:
  explicit FileLock(LockHandle handle) : handle_(std::move(handle)) {}

  LockHandle handle_;
};

// The PID of the process holding a flock(2) on the file open as `fd`, from /proc/locks; empty
// if the kernel does not say (or nobody holds one).
std::optional<pid_t> flock_holder(int fd);

// One owner per data directory: locks DIR/oofgate.lock (holding our PID) and, when the
// embedded store lives there, DIR/oofgate.sqlite3 itself. Take it before opening the store and
// keep it until the store is closed.
core::Result<std::vector<FileLock>> lock_data_dir(const std::filesystem::path& dir, bool embedded_store);

}  // namespace oofgate::gateway
