// One owner per data directory: FileLock / lock_data_dir, across real processes.
#include <fcntl.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <random>
#include <string>

#include <gtest/gtest.h>

#include "gateway/config/data_dir_lock.h"
#include "gateway/lock_holder.h"

namespace oofgate::gateway {
namespace {

namespace fs = std::filesystem;

class DataDirLock : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("oofgate-lock-" + std::to_string(std::random_device{}()) + "-" + std::to_string(getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override {
    holder_.reset();
    fs::remove_all(dir_);
  }

  // A child process that takes the data directory's locks and holds them until killed.
  void lock_in_child() {
    holder_ = std::make_unique<LockHolder>([this] {
      static std::optional<std::vector<FileLock>> kept;
      auto locks = lock_data_dir(dir_, true);
      if (locks) {
        kept = std::move(locks).value();
      }
      return kept.has_value();
    });
    ASSERT_TRUE(holder_->held());
    child_ = holder_->pid();
  }

  void kill_child() {
    holder_->kill();
    child_ = -1;
  }

  fs::path dir_;
  std::unique_ptr<LockHolder> holder_;
  pid_t child_ = -1;
};

TEST_F(DataDirLock, CreatesTheDirectoryAndWritesOurPid) {
  const auto locks = lock_data_dir(dir_ / "new", true);
  ASSERT_TRUE(locks.ok()) << locks.error().message;
  std::ifstream file(dir_ / "new" / "oofgate.lock");
  std::string pid;
  file >> pid;
  EXPECT_EQ(pid, std::to_string(getpid()));
}

TEST_F(DataDirLock, SecondOwnerIsRefusedWithTheHoldersPid) {
  lock_in_child();
  const auto second = lock_data_dir(dir_, true);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().message, "cannot lock " + (dir_ / "oofgate.lock").string() +
                                        ": another oofgate process (PID " + std::to_string(child_) +
                                        ") is using it; one data directory has one owner at a time");
}

TEST_F(DataDirLock, TheSqliteFileAloneIsLockedToo) {
  lock_in_child();
  const auto store = FileLock::acquire(dir_ / "oofgate.sqlite3", false);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.error().message.find("(PID " + std::to_string(child_) + ")"), std::string::npos)
      << store.error().message;
}

TEST_F(DataDirLock, PostgresModeLocksOnlyTheDirectory) {
  const auto locks = lock_data_dir(dir_, false);
  ASSERT_TRUE(locks.ok());
  EXPECT_TRUE(FileLock::acquire(dir_ / "oofgate.sqlite3", false).ok());
  EXPECT_FALSE(FileLock::acquire(dir_ / "oofgate.lock", false).ok());
}

TEST_F(DataDirLock, ALockFileLeftByAKilledProcessDoesNotBlock) {
  lock_in_child();
  kill_child();
  ASSERT_TRUE(fs::exists(dir_ / "oofgate.lock"));
  EXPECT_TRUE(lock_data_dir(dir_, true).ok());
}

TEST_F(DataDirLock, ReleasedWhenDestroyed) {
  { ASSERT_TRUE(lock_data_dir(dir_, true).ok()); }
  EXPECT_TRUE(lock_data_dir(dir_, true).ok());
}

// The claim data_dir_lock.cpp relies on: SQLite's fcntl(2) record locks and our flock(2) lock
// on the same file do not see each other on Linux (local file systems), in either order.
TEST_F(DataDirLock, FlockAndFcntlLocksAreIndependent) {
  lock_in_child();  // holds flock(LOCK_EX) on oofgate.sqlite3
  const int fd = ::open((dir_ / "oofgate.sqlite3").c_str(), O_RDWR | O_CLOEXEC);
  ASSERT_GE(fd, 0);
  struct flock record {};
  record.l_type = F_WRLCK;
  record.l_whence = SEEK_SET;
  EXPECT_EQ(fcntl(fd, F_SETLK, &record), 0) << "an fcntl write lock is refused under a flock";
  // And a flock is still refused to us, while our fcntl lock does not block anyone's flock.
  EXPECT_NE(flock(fd, LOCK_EX | LOCK_NB), 0);
  kill_child();
  const pid_t checker = fork();
  if (checker == 0) {
    const int other = ::open((dir_ / "oofgate.sqlite3").c_str(), O_RDWR | O_CLOEXEC);
    _exit(flock(other, LOCK_EX | LOCK_NB) == 0 ? 0 : 1);
  }
  int status = 0;
  waitpid(checker, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "a flock is refused under an fcntl write lock";
  ::close(fd);
}

}  // namespace
}  // namespace oofgate::gateway
