#include "store_contract/store_backends.h"

#include <random>
#include <stdexcept>

#include "core/service/default_settings.h"
#include "core/store/sqlite_backend.h"
#include "store_contract/postgres_test_cluster.h"
#include "support/core_fixture.h"

namespace oofgate::testing {

core::MailboxSettings contract_defaults(const std::string&) { return core::default_settings(fixed_now()); }

SqliteStoreBackend::SqliteStoreBackend() {
  dir_ = std::filesystem::temp_directory_path() / ("oofgate-contract-" + std::to_string(std::random_device{}()));
  std::filesystem::create_directories(dir_);
}

SqliteStoreBackend::~SqliteStoreBackend() {
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

std::unique_ptr<core::CachedStore> SqliteStoreBackend::open() {
  auto backend = core::SqliteBackend::open((dir_ / "store.sqlite3").string());
  if (!backend) {
    throw std::runtime_error(backend.error().message);
  }
  auto store = core::CachedStore::open(std::move(backend).value(), kContractMailboxes, contract_defaults);
  if (!store) {
    throw std::runtime_error(store.error().message);
  }
  return std::move(store).value();
}

PostgresStoreBackend::PostgresStoreBackend() {
  auto configured = postgres_test_url();
  promised_ = configured.promised;
  problem_ = configured.problem;
  if (!configured.url) {
    return;
  }
  try {
    conninfo_ = create_test_schema(*configured.url, schema_);
    base_url_ = *configured.url;
  } catch (const std::exception& error) {
    schema_.clear();
    problem_ = "the PostgreSQL test cluster at " + *configured.url + " does not answer: " + error.what();
  }
}

PostgresStoreBackend::~PostgresStoreBackend() {
  if (!schema_.empty()) {
    drop_test_schema(base_url_, schema_);
  }
}

bool PostgresStoreBackend::available(std::string& why) const {
  if (base_url_.empty()) {
    why = problem_;
    return false;
  }
  return true;
}

std::unique_ptr<core::PostgresStore> PostgresStoreBackend::open() {
  core::PostgresStore::Options options;
  options.conninfo = conninfo_;
  auto store = core::PostgresStore::open(std::move(options), kContractMailboxes, contract_defaults);
  if (!store) {
    throw std::runtime_error(store.error().message);
  }
  return std::move(store).value();
}

}  // namespace oofgate::testing
