#pragma once

#include "core/result.h"
#include "core/store/postgres_connection.h"

namespace oofgate::core {

// The version of the PostgreSQL schema this oofgate writes. It is kept in the one-row table
// oofgate_schema; open() migrates older databases forward and refuses newer ones.
inline constexpr int kPostgresSchemaVersion = 1;

// Brings the database to kPostgresSchemaVersion in one transaction. Gateways starting together
// serialize on an advisory lock, so exactly one of them runs each migration.
Status migrate_postgres_schema(PgConnection& connection);

}  // namespace oofgate::core
