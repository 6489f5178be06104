#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

// libpq's handles, declared here so that only postgres_*.cpp include libpq-fe.h.
struct pg_conn;
struct pg_result;

namespace oofgate::core {

// One statement parameter: text unless `binary` (bytea is sent as raw bytes, never escaped).
struct PgParam {
  std::string value;
  bool binary = false;
  bool null = false;
};

// The rows of one statement, always in binary format; freed on destruction.
class PgRows {
 public:
  explicit PgRows(pg_result* result);

  int size() const;
  bool is_null(int row, int column) const;
  std::string_view bytes(int row, int column) const;
  // A binary int2/int4/int8 column (network byte order on the wire).
  std::int64_t integer(int row, int column) const;

 private:
  struct Free {
    void operator()(pg_result* result) const;
  };
  std::unique_ptr<pg_result, Free> result_;
};

// A libpq connection used by one thread at a time. It connects lazily and, once the server
// went away, reconnects on the next call; attempts that fail are not repeated for a short
// interval, so while the database is down every call fails fast with kStoreUnavailable.
class PgConnection {
 public:
  PgConnection(std::string conninfo, std::chrono::seconds connect_timeout);
  ~PgConnection();
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  Status ensure_connected();
  // One statement with parameters ($1, $2, ...).
  Result<PgRows> exec(const char* sql, const std::vector<PgParam>& params = {});
  // Several parameterless statements in one round trip (migrations).
  Status exec_script(const char* sql);
  // The SQLSTATE of the last failed statement ("" if it failed without reaching the server).
  const std::string& last_sqlstate() const { return last_sqlstate_; }
  // Whether the last failure was an established connection found dead (the server restarted
  // or dropped it), as opposed to a server that cannot be reached: then one retry on a fresh
  // connection usually succeeds.
  bool lost_connection() const { return lost_connection_; }

 private:
  Error failure(pg_result* result, const char* what);

  std::string conninfo_;
  std::chrono::seconds connect_timeout_;
  pg_conn* conn_ = nullptr;
  std::chrono::steady_clock::time_point retry_after_{};
  std::string last_connect_error_;
  std::string last_sqlstate_;
  bool lost_connection_ = false;
};

// A text[] literal ('{"a","b"}') for `= ANY($1::text[])`, quoting every element.
std::string pg_text_array(const std::vector<std::string>& items);
// A bytea[] in PostgreSQL's binary array format (what array_send writes), for a binary parameter
// cast as `$n::bytea[]`: one statement carries every row's bytes without hex or escaping.
std::string pg_binary_bytea_array(const std::vector<std::string>& items);

}  // namespace oofgate::core
