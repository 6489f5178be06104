#include "core/store/store_transfer.h"

#include <sqlite3.h>

#include <memory>

#include "core/store/postgres_connection.h"
#include "core/store/postgres_schema.h"
#include "core/store/settings_codec.h"
#include "core/store/sqlite_backend.h"

namespace oofgate::core {
namespace {

constexpr const char* kNotEmpty = "the store already holds mailbox settings; use --replace to overwrite them";

struct SqliteClose {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct SqliteFinalize {
  void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using SqliteHandle = std::unique_ptr<sqlite3, SqliteClose>;
using SqliteStatement = std::unique_ptr<sqlite3_stmt, SqliteFinalize>;

Error sqlite_failure(sqlite3* db, const std::string& what) {
  return Error{ErrorCode::kStoreUnavailable, what + ": " + (db ? sqlite3_errmsg(db) : "out of memory")};
}

Result<SqliteHandle> open_sqlite(const std::string& path, int flags) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  SqliteHandle db(raw);
  if (rc != SQLITE_OK) {
    return sqlite_failure(db.get(), "cannot open database " + path);
  }
  sqlite3_busy_timeout(db.get(), 5000);
  return db;
}

Status sqlite_exec(sqlite3* db, const char* sql) {
  if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) {
    return sqlite_failure(db, std::string("SQLite (") + sql + ")");
  }
  return ok_status();
}

Result<StoredMailbox> decoded_row(std::string mailbox_id, std::int64_t version, std::string_view settings) {
  auto decoded = decode_settings(settings);
  if (!decoded) {
    return Error{ErrorCode::kStoreUnavailable, "mailbox " + mailbox_id + ": " + decoded.error().message};
  }
  return StoredMailbox{std::move(mailbox_id), static_cast<std::uint64_t>(version), std::move(decoded).value()};
}

Result<std::vector<StoredMailbox>> select_sqlite_rows(sqlite3* db) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT mailbox_id, version, settings FROM mailbox_settings ORDER BY mailbox_id;", -1,
                         &raw, nullptr) != SQLITE_OK) {
    return sqlite_failure(db, "cannot read mailbox settings");
  }
  SqliteStatement select(raw);
  std::vector<StoredMailbox> rows;
  int rc = SQLITE_OK;
  while ((rc = sqlite3_step(select.get())) == SQLITE_ROW) {
    const auto* id = reinterpret_cast<const char*>(sqlite3_column_text(select.get(), 0));
    const auto* blob = static_cast<const char*>(sqlite3_column_blob(select.get(), 2));
    auto row = decoded_row(
        id ? id : "", sqlite3_column_int64(select.get(), 1),
        std::string_view(blob ? blob : "", static_cast<std::size_t>(sqlite3_column_bytes(select.get(), 2))));
    if (!row) {
      return row.error();
    }
    rows.push_back(std::move(row).value());
  }
  if (rc != SQLITE_DONE) {
    return sqlite_failure(db, "cannot read mailbox settings");
  }
  return rows;
}

Status insert_sqlite_rows(sqlite3* db, const std::vector<StoredMailbox>& rows, bool replace) {
  sqlite3_stmt* count_raw = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT count(*) FROM mailbox_settings;", -1, &count_raw, nullptr) != SQLITE_OK) {
    return sqlite_failure(db, "cannot count mailbox settings");
  }
  SqliteStatement count(count_raw);
  if (sqlite3_step(count.get()) != SQLITE_ROW) {
    return sqlite_failure(db, "cannot count mailbox settings");
  }
  if (sqlite3_column_int64(count.get(), 0) != 0) {
    if (!replace) {
      return Error{ErrorCode::kInvalidArgument, kNotEmpty};
    }
    if (auto s = sqlite_exec(db, "DELETE FROM mailbox_settings;"); !s) {
      return s;
    }
  }
  sqlite3_stmt* insert_raw = nullptr;
  if (sqlite3_prepare_v2(db, "INSERT INTO mailbox_settings(mailbox_id, version, settings) VALUES(?1, ?2, ?3);", -1,
                         &insert_raw, nullptr) != SQLITE_OK) {
    return sqlite_failure(db, "cannot prepare the insert");
  }
  SqliteStatement insert(insert_raw);
  for (const auto& row : rows) {
    const std::string bytes = encode_settings(row.settings);
    sqlite3_bind_text(insert.get(), 1, row.mailbox_id.data(), static_cast<int>(row.mailbox_id.size()), SQLITE_STATIC);
    sqlite3_bind_int64(insert.get(), 2, static_cast<sqlite3_int64>(row.version));
    sqlite3_bind_blob(insert.get(), 3, bytes.data(), static_cast<int>(bytes.size()), SQLITE_STATIC);
    const int rc = sqlite3_step(insert.get());
    sqlite3_reset(insert.get());
    sqlite3_clear_bindings(insert.get());
    if (rc != SQLITE_DONE) {
      return sqlite_failure(db, "cannot write mailbox " + row.mailbox_id);
    }
  }
  return ok_status();
}

Result<std::vector<StoredMailbox>> select_postgres_rows(PgConnection& connection) {
  auto rows = connection.exec(
      "SELECT mailbox_id, version, settings FROM mailbox_settings WHERE version > 0 ORDER BY mailbox_id;");
  if (!rows) {
    return rows.error();
  }
  std::vector<StoredMailbox> result;
  for (int i = 0; i < rows.value().size(); ++i) {
    auto row = decoded_row(std::string(rows.value().bytes(i, 0)), rows.value().integer(i, 1), rows.value().bytes(i, 2));
    if (!row) {
      return row.error();
    }
    result.push_back(std::move(row).value());
  }
  return result;
}

Status insert_postgres_rows(PgConnection& connection, const std::vector<StoredMailbox>& rows, bool replace) {
  // Gateways insert placeholder rows (version 0) for every mailbox they serve: those are not settings.
  auto stored = connection.exec("SELECT count(*) FROM mailbox_settings WHERE version > 0;");
  if (!stored) {
    return stored.error();
  }
  if (stored.value().integer(0, 0) != 0 && !replace) {
    return Error{ErrorCode::kInvalidArgument, kNotEmpty};
  }
  if (auto deleted = connection.exec("DELETE FROM mailbox_settings;"); !deleted) {
    return deleted.error();
  }
  for (const auto& row : rows) {
    std::vector<PgParam> params{{row.mailbox_id}, {std::to_string(row.version)}, {encode_settings(row.settings), true}};
    if (auto inserted =
            connection.exec("INSERT INTO mailbox_settings(mailbox_id, version, settings) VALUES ($1, $2, $3);", params);
        !inserted) {
      return inserted.error();
    }
  }
  return ok_status();
}

}  // namespace

Result<std::vector<StoredMailbox>> export_sqlite_store(const std::string& path) {
  auto db = open_sqlite(path, SQLITE_OPEN_READONLY);
  if (!db) {
    return db.error();
  }
  if (auto s = sqlite_exec(db.value().get(), "BEGIN;"); !s) {
    return s.error();
  }
  auto rows = select_sqlite_rows(db.value().get());
  (void)sqlite_exec(db.value().get(), "COMMIT;");
  return rows;
}

Result<std::vector<StoredMailbox>> export_postgres_store(const std::string& conninfo) {
  PgConnection connection(conninfo, std::chrono::seconds(5));
  if (auto begun = connection.exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;"); !begun) {
    return begun.error();
  }
  auto rows = select_postgres_rows(connection);
  (void)connection.exec("COMMIT;");
  return rows;
}

Status import_sqlite_store(const std::string& path, const std::vector<StoredMailbox>& rows, bool replace) {
  {
    // Creates the file and brings its schema up to date (or refuses a damaged or newer one).
    auto backend = SqliteBackend::open(path);
    if (!backend) {
      return backend.error();
    }
  }
  auto db = open_sqlite(path, SQLITE_OPEN_READWRITE);
  if (!db) {
    return db.error();
  }
  sqlite3* handle = db.value().get();
  if (auto s = sqlite_exec(handle, "PRAGMA synchronous=FULL;"); !s) {
    return s;
  }
  if (auto s = sqlite_exec(handle, "BEGIN IMMEDIATE;"); !s) {
    return s;
  }
  if (auto s = insert_sqlite_rows(handle, rows, replace); !s) {
    (void)sqlite_exec(handle, "ROLLBACK;");
    return s;
  }
  if (auto s = sqlite_exec(handle, "COMMIT;"); !s) {
    (void)sqlite_exec(handle, "ROLLBACK;");
    return s;
  }
  return ok_status();
}

Status import_postgres_store(const std::string& conninfo, const std::vector<StoredMailbox>& rows, bool replace) {
  PgConnection connection(conninfo, std::chrono::seconds(5));
  if (auto migrated = migrate_postgres_schema(connection); !migrated) {
    return migrated;
  }
  if (auto begun = connection.exec("BEGIN;"); !begun) {
    return begun.error();
  }
  // Holds off gateways' writes (and a second import) until this transaction ends.
  if (auto locked = connection.exec("LOCK TABLE mailbox_settings IN EXCLUSIVE MODE;"); !locked) {
    (void)connection.exec("ROLLBACK;");
    return locked.error();
  }
  if (auto s = insert_postgres_rows(connection, rows, replace); !s) {
    (void)connection.exec("ROLLBACK;");
    return s;
  }
  if (auto committed = connection.exec("COMMIT;"); !committed) {
    return committed.error();
  }
  return ok_status();
}

}  // namespace oofgate::core
