#pragma once

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <functional>

namespace oofgate::gateway {

// A child process that runs `take` (which takes a lock and keeps it alive) and then waits to be
// killed; the constructor returns once `take` has returned, `held()` says whether it succeeded.
// Killed with SIGKILL on destruction, as a crash would.
class LockHolder {
 public:
  explicit LockHolder(const std::function<bool()>& take) {
    int ready[2];
    if (pipe(ready) != 0) {
      return;
    }
    pid_ = fork();
    if (pid_ == 0) {
      const char byte = take() ? 'y' : 'n';
      (void)!write(ready[1], &byte, 1);
      pause();
      _exit(0);
    }
    char byte = 0;
    held_ = read(ready[0], &byte, 1) == 1 && byte == 'y';
    close(ready[0]);
    close(ready[1]);
  }
  LockHolder(const LockHolder&) = delete;
  LockHolder& operator=(const LockHolder&) = delete;
  ~LockHolder() { kill(); }

  bool held() const { return held_; }
  pid_t pid() const { return pid_; }
  void kill() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
      pid_ = -1;
    }
  }

 private:
  pid_t pid_ = -1;
  bool held_ = false;
};

}  // namespace oofgate::gateway
