#include "gateway/config/data_dir_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <sstream>
#include <string>
#include <system_error>
#include <utility>

namespace oofgate::gateway {

namespace {

core::Error lock_error(const std::filesystem::path& path, const std::string& what) {
  return core::Error{core::ErrorCode::kStoreUnavailable, "cannot lock " + path.string() + ": " + what};
}

// /proc/locks: "1: FLOCK  ADVISORY  WRITE 1234 08:01:5678 0 EOF" (device in hex, inode in
// decimal); lines of waiters carry "->" after the number and are skipped.
std::optional<pid_t> holder_in_proc_locks(dev_t device, ino_t inode) {
  std::ifstream locks("/proc/locks");
  std::string line;
  while (std::getline(locks, line)) {
    std::istringstream fields(line);
    std::string number;
    std::string kind;
    std::string mode;
    std::string access;
    long pid = 0;
    std::string file;
    if (!(fields >> number >> kind >> mode >> access >> pid >> file) || kind != "FLOCK") {
      continue;
    }
    unsigned major_number = 0;
    unsigned minor_number = 0;
    unsigned long long inode_number = 0;
    if (std::sscanf(file.c_str(), "%x:%x:%llu", &major_number, &minor_number, &inode_number) != 3) {
      continue;
    }
    // On overlay file systems fstat() reports an anonymous device (major 0) while the lock
    // names the underlying one; the inode still matches.
    const bool same_device = major(device) == 0 || (major_number == major(device) && minor_number == minor(device));
    if (inode_number == inode && same_device && pid > 0) {
      return static_cast<pid_t>(pid);
    }
  }
  return std::nullopt;
}

// What the holder wrote into the file (oofgate.lock holds its PID), if it reads as a PID.
std::optional<pid_t> pid_written_in(int fd) {
  char text[32] = {};
  const ssize_t n = pread(fd, text, sizeof text - 1, 0);
  if (n <= 0) {
    return std::nullopt;
  }
  char* end = nullptr;
  const long pid = std::strtol(text, &end, 10);
  return pid > 0 && (*end == '\n' || *end == '\0') ? std::optional<pid_t>(static_cast<pid_t>(pid)) : std::nullopt;
}

}  // namespace

std::optional<pid_t> flock_holder(int fd) {
  struct stat status {};
  if (fstat(fd, &status) != 0) {
    return std::nullopt;
  }
  return holder_in_proc_locks(status.st_dev, status.st_ino);
}

core::Result<FileLock> FileLock::acquire(const std::filesystem::path& path, bool write_pid) {
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    return lock_error(path, std::generic_category().message(errno));
  }
  FileLock lock{LockHandle(fd)};
  if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK) {
      return lock_error(path, std::generic_category().message(errno));
    }
    auto holder = flock_holder(fd);
    if (!holder) {
      holder = pid_written_in(fd);
    }
    return lock_error(path, "another oofgate process" + (holder ? " (PID " + std::to_string(*holder) + ")" : "") +
                                " is using it; one data directory has one owner at a time");
  }
  if (write_pid) {
    const std::string pid = std::to_string(getpid()) + "\n";
    if (ftruncate(fd, 0) != 0 || pwrite(fd, pid.data(), pid.size(), 0) != static_cast<ssize_t>(pid.size())) {
      return lock_error(path, std::string("cannot write the PID: ") + std::generic_category().message(errno));
    }
  }
  return lock;
}

core::Result<std::vector<FileLock>> lock_data_dir(const std::filesystem::path& dir, bool embedded_store) {
  std::error_code fs_error;
  std::filesystem::create_directories(dir, fs_error);
  if (fs_error) {
    return core::Error{core::ErrorCode::kStoreUnavailable,
                       "cannot create data directory " + dir.string() + ": " + fs_error.message()};
  }
  std::vector<FileLock> locks;
  auto directory_lock = FileLock::acquire(dir / "oofgate.lock", true);
  if (!directory_lock) {
    return directory_lock.error();
  }
  locks.push_back(std::move(directory_lock).value());
  if (embedded_store) {
    // SQLite locks its file with fcntl(2) record locks, which on Linux are independent of
    // flock(2) locks (tests/gateway/data_dir_lock_test.cpp checks it), so this lock does not
    // get in SQLite's way. But closing any descriptor of a file drops the process's fcntl locks
    // on it, so this lock must outlive the store. (On NFS, Linux emulates flock with fcntl
    // locks and the two would conflict: keep the data directory on a local file system.)
    auto store_lock = FileLock::acquire(dir / "oofgate.sqlite3", false);
    if (!store_lock) {
      return store_lock.error();
    }
    locks.push_back(std::move(store_lock).value());
  }
  return locks;
}

}  // namespace oofgate::gateway
