#include "core/store/postgres_connection.h"

#include <libpq-fe.h>

#include <cstdint>
#include <utility>

namespace oofgate::core {
namespace {

// While the server is unreachable, a call within this interval of a failed attempt fails at
// once instead of waiting for another connect_timeout.
constexpr auto kRetryInterval = std::chrono::milliseconds(200);

Error unavailable(std::string message) { return Error{ErrorCode::kStoreUnavailable, std::move(message)}; }

std::string trimmed(const char* text) {
  std::string out = text != nullptr ? text : "";
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) {
    out.pop_back();
  }
  return out;
}

}  // namespace

void PgRows::Free::operator()(pg_result* result) const { PQclear(result); }

PgRows::PgRows(pg_result* result) : result_(result) {}

int PgRows::size() const { return PQntuples(result_.get()); }

bool PgRows::is_null(int row, int column) const { return PQgetisnull(result_.get(), row, column) != 0; }

std::string_view PgRows::bytes(int row, int column) const {
  return std::string_view(PQgetvalue(result_.get(), row, column),
                          static_cast<std::size_t>(PQgetlength(result_.get(), row, column)));
}

std::int64_t PgRows::integer(int row, int column) const {
  const std::string_view raw = bytes(row, column);
  std::uint64_t value = 0;
  for (const char byte : raw) {
    value = (value << 8) | static_cast<std::uint8_t>(byte);
  }
  // Sign-extend int2 and int4, which arrive as 2 and 4 big-endian bytes.
  const std::size_t bits = raw.size() * 8;
  if (bits > 0 && bits < 64 && (value >> (bits - 1)) != 0) {
    value |= ~std::uint64_t{0} << bits;
  }
  return static_cast<std::int64_t>(value);
}

PgConnection::PgConnection(std::string conninfo, std::chrono::seconds connect_timeout)
    : conninfo_(std::move(conninfo)), connect_timeout_(connect_timeout) {}

PgConnection::~PgConnection() { PQfinish(conn_); }

Status PgConnection::ensure_connected() {
  if (conn_ != nullptr && PQstatus(conn_) == CONNECTION_OK) {
    return ok_status();
  }
  const auto now = std::chrono::steady_clock::now();
  if (now < retry_after_) {
    return unavailable(last_connect_error_);
  }
  PQfinish(conn_);
  // Our defaults come before dbname, so anything the operator put in the URL overrides them;
  // keepalives let a dead server surface as an error instead of a hung call.
  const std::string timeout = std::to_string(connect_timeout_.count());
  const char* const keywords[] = {"connect_timeout",
                                  "application_name",
                                  "keepalives_idle",
                                  "keepalives_interval",
                                  "keepalives_count",
                                  "dbname",
                                  nullptr};
  const char* const values[] = {timeout.c_str(), "oofgate", "5", "2", "3", conninfo_.c_str(), nullptr};
  conn_ = PQconnectdbParams(keywords, values, 1);
  if (conn_ == nullptr || PQstatus(conn_) != CONNECTION_OK) {
    last_connect_error_ =
        "PostgreSQL unreachable: " + (conn_ != nullptr ? trimmed(PQerrorMessage(conn_)) : "out of memory");
    PQfinish(conn_);
    conn_ = nullptr;
    retry_after_ = now + kRetryInterval;
    return unavailable(last_connect_error_);
  }
  return ok_status();
}

Error PgConnection::failure(pg_result* result, const char* what) {
  lost_connection_ = PQstatus(conn_) != CONNECTION_OK;
  const char* sqlstate = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  last_sqlstate_ = sqlstate != nullptr ? sqlstate : "";
  std::string message = result != nullptr ? trimmed(PQresultErrorMessage(result)) : "";
  if (message.empty()) {
    message = trimmed(PQerrorMessage(conn_));
  }
  PQclear(result);
  return unavailable(std::string("PostgreSQL ") + what + ": " + message);
}

Result<PgRows> PgConnection::exec(const char* sql, const std::vector<PgParam>& params) {
  if (auto connected = ensure_connected(); !connected) {
    last_sqlstate_.clear();
    lost_connection_ = false;
    return connected.error();
  }
  std::vector<const char*> values;
  std::vector<int> lengths;
  std::vector<int> formats;
  for (const auto& param : params) {
    values.push_back(param.null ? nullptr : param.value.data());
    lengths.push_back(static_cast<int>(param.value.size()));
    formats.push_back(param.binary ? 1 : 0);
  }
  pg_result* result = PQexecParams(conn_, sql, static_cast<int>(params.size()), nullptr, values.data(), lengths.data(),
                                   formats.data(), 1);
  const auto status = PQresultStatus(result);
  if (result == nullptr || (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)) {
    return failure(result, "statement failed");
  }
  return PgRows(result);
}

Status PgConnection::exec_script(const char* sql) {
  if (auto connected = ensure_connected(); !connected) {
    last_sqlstate_.clear();
    lost_connection_ = false;
    return connected;
  }
  pg_result* result = PQexec(conn_, sql);
  const auto status = PQresultStatus(result);
  if (result == nullptr || (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)) {
    return failure(result, "script failed");
  }
  PQclear(result);
  return ok_status();
}

std::string pg_text_array(const std::vector<std::string>& items) {
  std::string out = "{";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i != 0) {
      out += ',';
    }
    out += '"';
    for (const char c : items[i]) {
      if (c == '"' || c == '\\') {
        out += '\\';
      }
      out += c;
    }
    out += '"';
  }
  out += '}';
  return out;
}

namespace {

void put_int32(std::string& out, std::uint32_t value) {
  for (int shift = 24; shift >= 0; shift -= 8) {
    out += static_cast<char>((value >> shift) & 0xFF);
  }
}

}  // namespace

std::string pg_binary_bytea_array(const std::vector<std::string>& items) {
  constexpr std::uint32_t kByteaOid = 17;
  std::string out;
  put_int32(out, 1);  // dimensions
  put_int32(out, 0);  // no NULL elements
  put_int32(out, kByteaOid);
  put_int32(out, static_cast<std::uint32_t>(items.size()));
  put_int32(out, 1);  // lower bound
  for (const auto& item : items) {
    put_int32(out, static_cast<std::uint32_t>(item.size()));
    out += item;
  }
  return out;
}

}  // namespace oofgate::core
