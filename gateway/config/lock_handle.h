#pragma once

#include <unistd.h>

#include <utility>

namespace oofgate::gateway {

// The descriptor through which this process holds a lock: the lock lasts as long as the
// descriptor is open, and closing it (here, or the kernel when the process dies) releases it.
class LockHandle {
 public:
  LockHandle() = default;
  explicit LockHandle(int fd) : fd_(fd) {}
  LockHandle(LockHandle&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  LockHandle& operator=(LockHandle&& other) noexcept {
    if (this != &other) {
      reset();
      fd_ = std::exchange(other.fd_, -1);
    }
    return *this;
  }
  LockHandle(const LockHandle&) = delete;
  LockHandle& operator=(const LockHandle&) = delete;
  ~LockHandle() { reset(); }

  int fd() const { return fd_; }

 private:
  void reset() {
    if (fd_ >= 0) {
      ::close(fd_);
      fd_ = -1;
    }
  }

  int fd_ = -1;
};

}  // namespace oofgate::gateway
