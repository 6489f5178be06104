#include "store_contract/postgres_test_cluster.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <random>
#include <stdexcept>

#include "core/store/postgres_connection.h"

namespace oofgate::testing {

PostgresTestUrl postgres_test_url() {
  if (const char* url = std::getenv("OOFGATE_PG_URL"); url != nullptr && *url != '\0') {
    return {std::string(url), true, ""};
  }
  const char* url_file = std::getenv("OOFGATE_PG_URL_FILE");
  if (url_file == nullptr || *url_file == '\0') {
    return {std::nullopt, false,
            "no PostgreSQL test cluster: run through ctest (fixture postgres.start), or set OOFGATE_PG_URL"};
  }
  std::ifstream file(url_file);
  std::string url;
  if (!std::getline(file, url) || url.empty()) {
    return {std::nullopt, true,
            std::string("the PostgreSQL test cluster's URL file ") + url_file +
                " is missing or empty: did the postgres.start fixture fail?"};
  }
  return {url, true, ""};
}

std::string create_test_schema(const std::string& base_url, std::string& schema_name) {
  static std::atomic<unsigned> counter{0};
  schema_name = "t_" + std::to_string(getpid()) + "_" + std::to_string(std::random_device{}() % 1000000) + "_" +
                std::to_string(counter.fetch_add(1));
  core::PgConnection connection(base_url, std::chrono::seconds(5));
  const std::string create = "CREATE SCHEMA " + schema_name + ";";
  if (auto created = connection.exec_script(create.c_str()); !created) {
    throw std::runtime_error(created.error().message);
  }
  // libpq URL parameters, percent-encoded: options=-c search_path=<schema>, and the schema as
  // application_name so a test can tell its own sessions apart.
  return base_url + (base_url.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema_name +
         "&application_name=" + schema_name;
}

void drop_test_schema(const std::string& base_url, const std::string& schema_name) {
  core::PgConnection connection(base_url, std::chrono::seconds(5));
  const std::string drop = "DROP SCHEMA IF EXISTS " + schema_name + " CASCADE;";
  (void)connection.exec_script(drop.c_str());
}

}  // namespace oofgate::testing
