#pragma once

#include <memory>
#include <string>

#include "core/store/persistence_backend.h"
#include "core/store/sqlite_checkpointer.h"

struct sqlite3;
struct sqlite3_stmt;

namespace oofgate::core {

// SQLite in WAL mode with synchronous=FULL: commit() returns only after the batch is on disk.
// The schema is versioned with PRAGMA user_version and migrated forward at open; a database
// from a newer oofgate, or one SQLite reports as damaged, is refused (never silently reset).
// Checkpoints run on a SqliteCheckpointer, off the commit path.
class SqliteBackend final : public PersistenceBackend {
 public:
  static constexpr int kSchemaVersion = 1;
  // WAL frames (pages) after which the background checkpointer is woken (SQLite's own default).
  static constexpr int kBackgroundCheckpointFrames = 1000;
  // Under a write stream that never pauses a background checkpoint never catches the WAL's end,
  // so the WAL would grow without bound; past this size the committer checkpoints the remainder
  // itself (mostly already copied by then), which lets the next commit restart the WAL.
  static constexpr int kInlineCheckpointFrames = 8000;

  static Result<std::unique_ptr<SqliteBackend>> open(const std::string& path);
  ~SqliteBackend() override;

  Result<std::vector<StoredMailbox>> load_all() override;
  Status commit(const std::vector<StoredMailbox>& batch) override;

 private:
  SqliteBackend() = default;
  Status exec(const char* sql);
  Error sqlite_error(const std::string& what) const;
  static int on_wal_commit(void* self, sqlite3* db, const char* schema, int frames);

  sqlite3* db_ = nullptr;
  sqlite3_stmt* upsert_ = nullptr;
  std::unique_ptr<SqliteCheckpointer> checkpointer_;
  int wal_frames_ = 0;  // as reported by the last commit
};

}  // namespace oofgate::core
