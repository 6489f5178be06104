#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "core/result.h"

struct sqlite3;

namespace oofgate::core {

// Copies the WAL back into the database file on its own connection and thread, so the
// committer's commits never wait behind a checkpoint's writes and fsync (measured: the inline
// auto-checkpoint was what pushed the durable-write p99 past 5 ms). PASSIVE checkpoints never
// block the committer; it keeps the WAL bounded itself when this thread falls behind.
class SqliteCheckpointer {
 public:
  static Result<std::unique_ptr<SqliteCheckpointer>> start(const std::string& path);
  ~SqliteCheckpointer();

  SqliteCheckpointer(const SqliteCheckpointer&) = delete;
  SqliteCheckpointer& operator=(const SqliteCheckpointer&) = delete;

  // Asks for a checkpoint soon; cheap, and coalesces with one already asked for.
  void request();

 private:
  SqliteCheckpointer() = default;
  void run();

  sqlite3* db_ = nullptr;
  std::mutex mutex_;
  std::condition_variable wanted_;
  bool requested_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace oofgate::core
