#include <gtest/gtest.h>

#include <string>

#include "gateway/flag_parsing.h"

namespace oofgate::gateway {
namespace {

TEST(CorsOriginFlag, DefaultIsAnyOrigin) {
  const auto parsed = parse_serve({});
  ASSERT_TRUE(parsed.ok());
  EXPECT_TRUE(parsed.value().serve->cors_origins.empty());
}

TEST(CorsOriginFlag, IsRepeatable) {
  const auto parsed = parse_serve({"--cors-origin", "https://app.example", "--cors-origin", "http://127.0.0.1:3000"});
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed.value().serve->cors_origins,
            (std::vector<std::string>{"https://app.example", "http://127.0.0.1:3000"}));
}

TEST(CorsOriginFlag, OnlyOriginsAreAccepted) {
  for (const char* value :
       {"app.example", "https://app.example/", "https://app.example/path", "*", "ftp://x", "https://a\"b.example"}) {
    const auto parsed = parse_serve({"--cors-origin", value});
    ASSERT_FALSE(parsed.ok()) << value;
    EXPECT_NE(parsed.error().message.find("--cors-origin"), std::string::npos);
  }
}

}  // namespace
}  // namespace oofgate::gateway
