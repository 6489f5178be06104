#include "core/store/postgres_schema.h"

#include <iterator>
#include <string>

namespace oofgate::core {
namespace {

// Forward migrations: entry i brings a database from version i to i + 1.
constexpr const char* kMigrations[] = {
    // settings is NULL exactly while version is 0: a placeholder row that exists only so a
    // write has a row to lock; it reads as the mailbox's defaults.
    "CREATE TABLE mailbox_settings ("
    "  mailbox_id text PRIMARY KEY,"
    "  version bigint NOT NULL CHECK (version >= 0),"
    "  settings bytea,"
    "  CHECK ((version = 0) = (settings IS NULL)));",
};
static_assert(std::size(kMigrations) == kPostgresSchemaVersion);

// 'oofg': the advisory lock that serializes migrations across gateways sharing a database.
constexpr const char* kMigrationLock = "SELECT pg_advisory_xact_lock(1869571687);";

Status migrate_in_transaction(PgConnection& connection) {
  if (auto locked = connection.exec(kMigrationLock); !locked) {
    return locked.error();
  }
  if (auto created = connection.exec_script("CREATE TABLE IF NOT EXISTS oofgate_schema ("
                                            "  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),"
                                            "  version integer NOT NULL);");
      !created) {
    return created;
  }
  auto rows = connection.exec("SELECT version FROM oofgate_schema;");
  if (!rows) {
    return rows.error();
  }
  const std::int64_t current = rows.value().size() == 0 ? 0 : rows.value().integer(0, 0);
  if (current > kPostgresSchemaVersion) {
    return Error{ErrorCode::kStoreUnavailable, "PostgreSQL database has oofgate schema version " +
                                                   std::to_string(current) + ", newer than this oofgate understands (" +
                                                   std::to_string(kPostgresSchemaVersion) +
                                                   "); upgrade oofgate instead"};
  }
  for (auto v = current; v < kPostgresSchemaVersion; ++v) {
    if (auto migrated = connection.exec_script(kMigrations[v]); !migrated) {
      return Error{ErrorCode::kStoreUnavailable,
                   "migration to schema " + std::to_string(v + 1) + " failed: " + migrated.error().message};
    }
  }
  if (current == kPostgresSchemaVersion) {
    return ok_status();
  }
  const std::string record = "INSERT INTO oofgate_schema(version) VALUES (" + std::to_string(kPostgresSchemaVersion) +
                             ") ON CONFLICT (singleton) DO UPDATE SET version = excluded.version;";
  return connection.exec_script(record.c_str());
}

}  // namespace

Status migrate_postgres_schema(PgConnection& connection) {
  if (auto begun = connection.exec_script("BEGIN;"); !begun) {
    return begun;
  }
  if (auto migrated = migrate_in_transaction(connection); !migrated) {
    (void)connection.exec_script("ROLLBACK;");
    return migrated;
  }
  return connection.exec_script("COMMIT;");
}

}  // namespace oofgate::core
