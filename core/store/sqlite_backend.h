#pragma once

#include <memory>
#include <string>

#include "core/store/persistence_backend.h"

struct sqlite3;
struct sqlite3_stmt;

namespace oofgate::core {

// SQLite in WAL mode with synchronous=FULL: commit() returns only after the batch is on disk.
// The schema is versioned with PRAGMA user_version and migrated forward at open; a database
// from a newer oofgate, or one SQLite reports as damaged, is refused (never silently reset).
class SqliteBackend final : public PersistenceBackend {
 public:
  static constexpr int kSchemaVersion = 1;

  static Result<std::unique_ptr<SqliteBackend>> open(const std::string& path);
  ~SqliteBackend() override;

  Result<std::vector<StoredMailbox>> load_all() override;
  Status commit(const std::vector<StoredMailbox>& batch) override;

 private:
  SqliteBackend() = default;
  Status exec(const char* sql);
  Error sqlite_error(const std::string& what) const;

  sqlite3* db_ = nullptr;
  sqlite3_stmt* upsert_ = nullptr;
};

}  // namespace oofgate::core
