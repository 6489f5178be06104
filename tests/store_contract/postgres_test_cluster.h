#pragma once

#include <optional>
#include <string>

namespace oofgate::testing {

// The URL of the throwaway cluster that CTest's postgres.start fixture wrote (OOFGATE_PG_URL
// overrides it, for running a test binary by hand against another server); none if neither.
std::optional<std::string> postgres_test_url();

// A fresh schema in that database and a libpq URL whose search_path points at it, so tests
// that run in parallel never see each other's tables. Dropped with drop_test_schema().
std::string create_test_schema(const std::string& base_url, std::string& schema_name);
void drop_test_schema(const std::string& base_url, const std::string& schema_name);

}  // namespace oofgate::testing
