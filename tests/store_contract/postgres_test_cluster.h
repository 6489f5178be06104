#pragma once

#include <optional>
#include <string>

namespace oofgate::testing {

// Where the PostgreSQL tests find their cluster: OOFGATE_PG_URL (a server of your own), else
// the file named by OOFGATE_PG_URL_FILE, which CTest sets for these tests and its postgres.start
// fixture writes. Either one promises a cluster, so then its absence is a failure, never a skip.
struct PostgresTestUrl {
  std::optional<std::string> url;
  bool promised = false;  // a URL or URL file was configured
  std::string problem;    // why there is no url
};
PostgresTestUrl postgres_test_url();

// A fresh schema in that database and a libpq URL whose search_path points at it, so tests
// that run in parallel never see each other's tables. Dropped with drop_test_schema().
std::string create_test_schema(const std::string& base_url, std::string& schema_name);
void drop_test_schema(const std::string& base_url, const std::string& schema_name);

}  // namespace oofgate::testing
