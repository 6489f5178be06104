#pragma once

#include <cstdint>
#include <filesystem>

#include <gtest/gtest.h>
#include <memory>
#include <string>
#include <vector>

#include "core/store/cached_store.h"
#include "core/store/postgres_store.h"

namespace oofgate::testing {

// The mailboxes every contract test works with.
inline const std::vector<std::string> kContractMailboxes = {"a", "b", "c"};

// What a never-written mailbox reads as in these tests (stable: uses the fixed clock).
core::MailboxSettings contract_defaults(const std::string& mailbox_id);

// Each backend under contract owns durable state that outlives one store instance, so a test
// can close the store and open another over the same data ("reopen" = a restarted gateway).

// CachedStore over SQLite in a scratch directory.
class SqliteStoreBackend {
 public:
  using Store = core::CachedStore;
  static constexpr const char* kName = "Sqlite";

  SqliteStoreBackend();
  ~SqliteStoreBackend();
  bool available(std::string&) const { return true; }
  bool promised() const { return true; }
  std::unique_ptr<Store> open();

 private:
  std::filesystem::path dir_;
};

// PostgresStore in a fresh PostgreSQL schema of the test cluster (see postgres_test_cluster.h).
class PostgresStoreBackend {
 public:
  using Store = core::PostgresStore;
  static constexpr const char* kName = "Postgres";

  PostgresStoreBackend();
  ~PostgresStoreBackend();
  // False (with the reason) when there is no usable test cluster: none configured, or the
  // configured one is missing or does not answer.
  bool available(std::string& why) const;
  // Whether a cluster was configured, so that its being unavailable is a failure.
  bool promised() const { return promised_; }
  std::unique_ptr<Store> open();
  const std::string& conninfo() const { return conninfo_; }
  // The schema, which is also the application_name of every session opened with conninfo().
  const std::string& schema() const { return schema_; }

 private:
  std::string base_url_;
  std::string schema_;
  std::string conninfo_;
  bool promised_ = false;
  std::string problem_;
};

// For a fixture's SetUp (which returns if the test was skipped or failed): a backend that is not
// available fails the test when it was promised (CTest's cluster fixture, OOFGATE_PG_URL) and is
// skipped only when nobody configured one (a test binary run by hand).
template <typename Backend>
void require_backend(const Backend& backend) {
  std::string why;
  if (backend.available(why)) {
    return;
  }
  if (backend.promised()) {
    FAIL() << why;
  }
  GTEST_SKIP() << why;
}

}  // namespace oofgate::testing
