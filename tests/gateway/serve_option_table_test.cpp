// The option table is the one source of --help, flags, config keys and environment variables:
// every row's documented default is the real default, and every row reaches --help.
#include <gtest/gtest.h>

#include <set>
#include <tuple>

#include "gateway/config/serve_option_table.h"

namespace oofgate::gateway {
namespace {

auto fields(const ServeOptions& o) {
  const auto& l = o.limits;
  return std::tuple(o.listen_host, o.listen_port, o.data_dir, o.store_url, o.users_file, o.threads, o.pin_length,
                    o.commit_batch, o.tls_certificate_file, o.tls_key_file, o.public_url, o.throttle.max_concurrent,
                    o.throttle.max_requests, o.throttle.window, o.jwt.issuers, o.jwt.audience, o.jwt.jwks_file,
                    o.jwt.hs256_secret_file, o.jwt.leeway, l.body_bytes, l.header_bytes, l.header_count,
                    l.trailer_bytes, l.url_bytes, l.read_timeout, l.idle_timeout, l.max_connections, l.json_max_depth,
                    l.json_max_string_bytes, l.xml_max_depth, l.xml_max_elements, l.xml_max_attributes, l.auth_failures,
                    l.auth_failure_window, l.auth_workers, l.auth_queue, l.reset_pin_limit, l.reset_pin_window);
}

TEST(ServeOptionTable, EveryDocumentedDefaultIsTheRealDefault) {
  for (const auto& option : serve_option_table()) {
    if (option.default_value.empty()) {
      continue;
    }
    ServeOptions options;
    ASSERT_EQ(option.set(option.default_value, options), std::nullopt) << option.name;
    EXPECT_EQ(fields(options), fields(ServeOptions{})) << option.name << " documents " << option.default_value;
  }
}

TEST(ServeOptionTable, EveryOptionRefusesControlCharactersAndEmptyValues) {
  using namespace std::string_view_literals;
  for (const auto& option : serve_option_table()) {
    for (const auto bad : {"a\0b"sv, "value\x01"sv, ""sv}) {
      ServeOptions options;
      EXPECT_NE(option.set(bad, options), std::nullopt) << option.name;
    }
  }
}

TEST(ServeOptionTable, NamesAreUniqueAndEnvironmentNamesFollowThem) {
  std::set<std::string_view> names;
  for (const auto& option : serve_option_table()) {
    EXPECT_TRUE(names.insert(option.name).second) << option.name;
    EXPECT_EQ(find_serve_option(option.name), &option);
  }
  EXPECT_EQ(environment_name(*find_serve_option("jwt-hs256-secret-file")), "OOFGATE_JWT_HS256_SECRET_FILE");
  EXPECT_EQ(environment_name(*find_serve_option("data-dir")), "OOFGATE_DATA_DIR");
}

TEST(ServeOptionTable, HelpListsEveryOptionWithItsDefault) {
  const std::string help = serve_options_help();
  for (const auto& option : serve_option_table()) {
    const std::string head = "  --" + std::string(option.name) + " " + std::string(option.value_name);
    EXPECT_TRUE(help.find(head + " ") != std::string::npos || help.find(head + "\n") != std::string::npos) << head;
  }
  EXPECT_NE(help.find("(default 1048576)"), std::string::npos);
  // Wrapped: no line wider than a terminal's 96 columns.
  std::size_t start = 0;
  while (start < help.size()) {
    const auto end = help.find('\n', start);
    EXPECT_LE(end - start, 96U) << help.substr(start, end - start);
    start = end + 1;
  }
}

}  // namespace
}  // namespace oofgate::gateway
