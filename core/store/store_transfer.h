#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "core/store/persistence_backend.h"

namespace oofgate::core {

// Whole-store copies for `oofgate export` and `oofgate import` (backup and migration between
// the SQLite and the PostgreSQL store). Only mailboxes ever written are stored rows; the others
// read as their defaults in either store, so they need no copy.

// Every stored mailbox, as of one moment, from an SQLite store file opened read-only: a read
// transaction on a WAL database sees one commit and takes no lock a running gateway needs.
Result<std::vector<StoredMailbox>> export_sqlite_store(const std::string& path);
// Every stored mailbox from a PostgreSQL store, in one REPEATABLE READ transaction.
Result<std::vector<StoredMailbox>> export_postgres_store(const std::string& conninfo);

// Writes `rows` into the store in one transaction (created and migrated first if needed).
// A store that already holds a mailbox is refused with kInvalidArgument unless `replace`, which
// deletes every stored mailbox first. Nothing is written unless everything is.
Status import_sqlite_store(const std::string& path, const std::vector<StoredMailbox>& rows, bool replace);
Status import_postgres_store(const std::string& conninfo, const std::vector<StoredMailbox>& rows, bool replace);

}  // namespace oofgate::core
