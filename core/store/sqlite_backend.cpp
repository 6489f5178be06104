#include "core/store/sqlite_backend.h"

#include <sqlite3.h>

#include "core/store/settings_codec.h"

namespace oofgate::core {
namespace {

// Forward migrations: entry i brings a database from user_version i to i + 1.
constexpr const char* kMigrations[] = {
    "CREATE TABLE mailbox_settings ("
    "  mailbox_id TEXT PRIMARY KEY NOT NULL,"
    "  version INTEGER NOT NULL,"
    "  settings BLOB NOT NULL"
    ") WITHOUT ROWID;",
};
static_assert(std::size(kMigrations) == SqliteBackend::kSchemaVersion);

}  // namespace

Error SqliteBackend::sqlite_error(const std::string& what) const {
  return Error{ErrorCode::kStoreUnavailable, what + ": " + (db_ ? sqlite3_errmsg(db_) : "out of memory")};
}

Status SqliteBackend::exec(const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    std::string text = message ? message : "unknown error";
    sqlite3_free(message);
    return Error{ErrorCode::kStoreUnavailable, std::string("SQLite: ") + text};
  }
  return ok_status();
}

Result<std::unique_ptr<SqliteBackend>> SqliteBackend::open(const std::string& path) {
  std::unique_ptr<SqliteBackend> backend(new SqliteBackend());
  if (sqlite3_open_v2(path.c_str(), &backend->db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                      nullptr) != SQLITE_OK) {
    return backend->sqlite_error("cannot open database " + path);
  }
  sqlite3_busy_timeout(backend->db_, 5000);
  // A damaged file must stop the gateway, not be papered over.
  sqlite3_stmt* check = nullptr;
  if (sqlite3_prepare_v2(backend->db_, "PRAGMA quick_check;", -1, &check, nullptr) != SQLITE_OK) {
    return backend->sqlite_error("database " + path + " is not a valid oofgate store");
  }
  const int step = sqlite3_step(check);
  const std::string verdict = step == SQLITE_ROW ? reinterpret_cast<const char*>(sqlite3_column_text(check, 0)) : "";
  sqlite3_finalize(check);
  if (verdict != "ok") {
    return Error{ErrorCode::kStoreUnavailable, "database " + path + " is damaged (" +
                                                   (verdict.empty() ? sqlite3_errmsg(backend->db_) : verdict) + ")"};
  }
  for (const char* pragma : {"PRAGMA journal_mode=WAL;", "PRAGMA synchronous=FULL;", "PRAGMA foreign_keys=ON;"}) {
    if (auto s = backend->exec(pragma); !s) {
      return s.error();
    }
  }
  int user_version = 0;
  sqlite3_stmt* version = nullptr;
  sqlite3_prepare_v2(backend->db_, "PRAGMA user_version;", -1, &version, nullptr);
  if (sqlite3_step(version) == SQLITE_ROW) {
    user_version = sqlite3_column_int(version, 0);
  }
  sqlite3_finalize(version);
  if (user_version > kSchemaVersion) {
    return Error{ErrorCode::kStoreUnavailable, "database " + path + " has schema version " +
                                                   std::to_string(user_version) +
                                                   ", newer than this oofgate understands (" +
                                                   std::to_string(kSchemaVersion) + "); upgrade oofgate instead"};
  }
  for (int v = user_version; v < kSchemaVersion; ++v) {
    const std::string step_sql =
        std::string("BEGIN IMMEDIATE;") + kMigrations[v] + "PRAGMA user_version=" + std::to_string(v + 1) + ";COMMIT;";
    if (auto s = backend->exec(step_sql.c_str()); !s) {
      (void)backend->exec("ROLLBACK;");
      return Error{ErrorCode::kStoreUnavailable,
                   "migration to schema " + std::to_string(v + 1) + " failed: " + s.error().message};
    }
  }
  if (sqlite3_prepare_v2(
          backend->db_,
          "INSERT INTO mailbox_settings(mailbox_id, version, settings) VALUES(?1, ?2, ?3) "
          "ON CONFLICT(mailbox_id) DO UPDATE SET version = excluded.version, settings = excluded.settings;",
          -1, &backend->upsert_, nullptr) != SQLITE_OK) {
    return backend->sqlite_error("cannot prepare the upsert");
  }
  auto checkpointer = SqliteCheckpointer::start(path);
  if (!checkpointer) {
    return checkpointer.error();
  }
  backend->checkpointer_ = std::move(checkpointer).value();
  // Replaces SQLite's automatic checkpoint, which would run inside the committing call.
  sqlite3_wal_hook(backend->db_, &SqliteBackend::on_wal_commit, backend.get());
  return backend;
}

SqliteBackend::~SqliteBackend() {
  checkpointer_.reset();  // its connection closes first, so the last close below cleans up the WAL
  sqlite3_finalize(upsert_);
  sqlite3_close(db_);
}

int SqliteBackend::on_wal_commit(void* self, sqlite3*, const char*, int frames) {
  auto* backend = static_cast<SqliteBackend*>(self);
  backend->wal_frames_ = frames;
  if (frames >= kBackgroundCheckpointFrames) {
    backend->checkpointer_->request();
  }
  return SQLITE_OK;
}

Result<std::vector<StoredMailbox>> SqliteBackend::load_all() {
  sqlite3_stmt* select = nullptr;
  if (sqlite3_prepare_v2(db_, "SELECT mailbox_id, version, settings FROM mailbox_settings;", -1, &select, nullptr) !=
      SQLITE_OK) {
    return sqlite_error("cannot read mailbox settings");
  }
  std::vector<StoredMailbox> rows;
  int rc = SQLITE_OK;
  while ((rc = sqlite3_step(select)) == SQLITE_ROW) {
    StoredMailbox row;
    row.mailbox_id = reinterpret_cast<const char*>(sqlite3_column_text(select, 0));
    row.version = static_cast<std::uint64_t>(sqlite3_column_int64(select, 1));
    const auto* blob = static_cast<const char*>(sqlite3_column_blob(select, 2));
    auto decoded =
        decode_settings(std::string_view(blob ? blob : "", static_cast<std::size_t>(sqlite3_column_bytes(select, 2))));
    if (!decoded) {
      sqlite3_finalize(select);
      return Error{ErrorCode::kStoreUnavailable, "mailbox " + row.mailbox_id + ": " + decoded.error().message};
    }
    row.settings = std::move(decoded).value();
    rows.push_back(std::move(row));
  }
  sqlite3_finalize(select);
  if (rc != SQLITE_DONE) {
    return sqlite_error("cannot read mailbox settings");
  }
  return rows;
}

Status SqliteBackend::commit(const std::vector<StoredMailbox>& batch) {
  if (auto s = exec("BEGIN IMMEDIATE;"); !s) {
    return s;
  }
  for (const auto& row : batch) {
    const std::string bytes = encode_settings(row.settings);
    sqlite3_bind_text(upsert_, 1, row.mailbox_id.data(), static_cast<int>(row.mailbox_id.size()), SQLITE_STATIC);
    sqlite3_bind_int64(upsert_, 2, static_cast<sqlite3_int64>(row.version));
    sqlite3_bind_blob(upsert_, 3, bytes.data(), static_cast<int>(bytes.size()), SQLITE_STATIC);
    const int rc = sqlite3_step(upsert_);
    sqlite3_reset(upsert_);
    sqlite3_clear_bindings(upsert_);
    if (rc != SQLITE_DONE) {
      Error error = sqlite_error("cannot write mailbox " + row.mailbox_id);
      (void)exec("ROLLBACK;");
      return error;
    }
  }
  if (auto s = exec("COMMIT;"); !s) {
    (void)exec("ROLLBACK;");
    return s;
  }
  if (wal_frames_ >= kInlineCheckpointFrames) {
    // The batch is already durable; a busy or failed checkpoint here only delays the WAL reset.
    (void)sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  }
  return ok_status();
}

}  // namespace oofgate::core
