#pragma once

#include <string>

#include "core/result.h"

namespace oofgate::gateway {

// --listen's HOST as a numeric address: an address as given, a name (localhost) resolved; the
// first address the resolver gives wins. The error names the host and the resolver's reason.
core::Result<std::string> resolve_listen_host(const std::string& host);

// The data directory before anything is opened in it: created if absent, then it, the SQLite
// database in it (when `sqlite`, if the file exists) and DIR/outbox (if it exists) must be
// writable. Errors give the path and the operating system's reason ("database
// data/oofgate.sqlite3 is read-only: Permission denied").
core::Status check_data_dir(const std::string& dir, bool sqlite);

}  // namespace oofgate::gateway
