#include "core/store/sqlite_checkpointer.h"

#include <sqlite3.h>

namespace oofgate::core {

Result<std::unique_ptr<SqliteCheckpointer>> SqliteCheckpointer::start(const std::string& path) {
  std::unique_ptr<SqliteCheckpointer> checkpointer(new SqliteCheckpointer());
  if (sqlite3_open_v2(path.c_str(), &checkpointer->db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) !=
      SQLITE_OK) {
    std::string message = checkpointer->db_ ? sqlite3_errmsg(checkpointer->db_) : "out of memory";
    return Error{ErrorCode::kStoreUnavailable, "cannot open database " + path + " for checkpoints: " + message};
  }
  sqlite3_busy_timeout(checkpointer->db_, 5000);
  // This connection only checkpoints; it must never checkpoint as a side effect of closing
  // while the committer's connection is still writing.
  sqlite3_wal_autocheckpoint(checkpointer->db_, 0);
  checkpointer->thread_ = std::thread([raw = checkpointer.get()] { raw->run(); });
  return checkpointer;
}

SqliteCheckpointer::~SqliteCheckpointer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wanted_.notify_one();
  if (thread_.joinable()) {
    thread_.join();
  }
  sqlite3_close(db_);
}

void SqliteCheckpointer::request() {
  {
    std::lock_guard lock(mutex_);
    if (requested_) {
      return;
    }
    requested_ = true;
  }
  wanted_.notify_one();
}

void SqliteCheckpointer::run() {
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      wanted_.wait(lock, [this] { return stopping_ || requested_; });
      if (stopping_) {
        return;
      }
      requested_ = false;
    }
    // A failed checkpoint loses nothing (the frames stay in the WAL); the next request retries.
    (void)sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  }
}

}  // namespace oofgate::core
