// CORS as Graph answers single-page apps: preflights before authentication, and
// Access-Control-Allow-Origin / -Expose-Headers on every actual response, errors included.
#include "rest_harness.h"

namespace oofgate::testing {
namespace {

rest::HttpResponse send(RestHarness& harness, http::verb method, const std::string& target,
                        std::initializer_list<std::pair<std::string, std::string>> headers, bool bearer) {
  rest::HttpRequest request{method, target, 11};
  request.set(http::field::host, "graph.example");
  for (const auto& [name, value] : headers) {
    request.set(name, value);
  }
  std::promise<rest::HttpResponse> promise;
  auto future = promise.get_future();
  harness.facade.handle(facade::describe_request(request, harness.caller_for(bearer ? Credentials::bearer("adele-rw")
                                                                                    : Credentials::none())),
                        [&promise](rest::HttpResponse response) { promise.set_value(std::move(response)); });
  return future.get();
}

constexpr const char* kExposed =
    "ETag, Location, Preference-Applied, Content-Range, request-id, client-request-id, ReadWriteConsistencyToken, "
    "SdkVersion, WWW-Authenticate, Retry-After";

TEST(CorsTest, APreflightIsAnswered204WithoutCredentials) {
  RestHarness harness;
  const auto response = send(harness, http::verb::options, "/v1.0/me/mailboxSettings",
                             {{"Origin", "https://app.example"},
                              {"Access-Control-Request-Method", "PATCH"},
                              {"Access-Control-Request-Headers", "Authorization,Content-Type,client-request-id"}},
                             false);
  EXPECT_EQ(response.result_int(), 204);
  EXPECT_EQ(header(response, "Access-Control-Allow-Origin"), "*");
  EXPECT_EQ(header(response, "Access-Control-Allow-Methods"), "GET, POST, PATCH, PUT, DELETE, OPTIONS");
  EXPECT_EQ(header(response, "Access-Control-Allow-Headers"), "authorization,content-type,client-request-id");
  EXPECT_EQ(header(response, "Access-Control-Max-Age"), "7200");
  EXPECT_EQ(header(response, "Access-Control-Allow-Credentials"), "<absent>");
  EXPECT_EQ(header(response, "Vary"), "<absent>");
  EXPECT_TRUE(response.body().empty());
}

TEST(CorsTest, APreflightWithoutARequestHeaderListGetsTheDefaultList) {
  RestHarness harness;
  const auto response = send(harness, http::verb::options, "/beta/$batch",
                             {{"Origin", "https://app.example"},
                              {"Access-Control-Request-Method", "POST"},
                              {"Access-Control-Request-Headers", "x-bad\x01header"}},
                             false);
  EXPECT_EQ(response.result_int(), 204);
  EXPECT_EQ(header(response, "Access-Control-Allow-Headers"),
            "authorization, content-type, client-request-id, sdkversion, prefer, consistencylevel, if-match, "
            "if-none-match, user-agent");
}

TEST(CorsTest, AnOptionsRequestThatIsNoPreflightIsAnOrdinaryGraphRequest) {
  RestHarness harness;
  const auto response =
      send(harness, http::verb::options, "/v1.0/me/mailboxSettings", {{"Origin", "https://app.example"}}, false);
  EXPECT_EQ(response.result_int(), 401);
  EXPECT_EQ(header(response, "Access-Control-Allow-Origin"), "*");
}

TEST(CorsTest, ActualResponsesAndErrorsCarryAllowOriginAndExposeHeaders) {
  RestHarness harness;
  const auto ok = send(harness, http::verb::get, "/v1.0/me/mailboxSettings", {{"Origin", "https://app.example"}}, true);
  EXPECT_EQ(ok.result_int(), 200);
  EXPECT_EQ(header(ok, "Access-Control-Allow-Origin"), "*");
  EXPECT_EQ(header(ok, "Access-Control-Expose-Headers"), kExposed);
  const auto unauthorized =
      send(harness, http::verb::get, "/v1.0/me/mailboxSettings", {{"Origin", "https://app.example"}}, false);
  EXPECT_EQ(unauthorized.result_int(), 401);
  EXPECT_EQ(header(unauthorized, "Access-Control-Allow-Origin"), "*");
  EXPECT_EQ(header(unauthorized, "Access-Control-Expose-Headers"), kExposed);
  const auto rejected = harness.facade.render_rejection({facade::EdgeCondition::kPayloadTooLarge, "too large"}, [] {
    rest::HttpRequest request{http::verb::patch, "/v1.0/me/mailboxSettings", 11};
    request.set("Origin", "https://app.example");
    return request;
  }());
  EXPECT_EQ(rejected.result_int(), 413);
  EXPECT_EQ(header(rejected, "Access-Control-Allow-Origin"), "*");
}

TEST(CorsTest, WithoutAnOriginNoCorsHeadersAreSent) {
  RestHarness harness;
  const auto ok = send(harness, http::verb::get, "/v1.0/me/mailboxSettings", {}, true);
  EXPECT_EQ(header(ok, "Access-Control-Allow-Origin"), "<absent>");
  EXPECT_EQ(header(ok, "Access-Control-Expose-Headers"), "<absent>");
}

TEST(CorsTest, AnAllowListEchoesTheMatchingOriginWithVary) {
  RestHarness harness;
  harness.facade.set_cors_origins({"https://app.example", "http://127.0.0.1:3000"});
  const auto preflight = send(harness, http::verb::options, "/v1.0/me/mailboxSettings",
                              {{"Origin", "http://127.0.0.1:3000"}, {"Access-Control-Request-Method", "GET"}}, false);
  EXPECT_EQ(preflight.result_int(), 204);
  EXPECT_EQ(header(preflight, "Access-Control-Allow-Origin"), "http://127.0.0.1:3000");
  EXPECT_EQ(header(preflight, "Vary"), "Origin");
  const auto ok = send(harness, http::verb::get, "/v1.0/me/mailboxSettings", {{"Origin", "https://app.example"}}, true);
  EXPECT_EQ(header(ok, "Access-Control-Allow-Origin"), "https://app.example");
  EXPECT_EQ(header(ok, "Vary"), "Origin");
}

TEST(CorsTest, APreflightFromAnOriginNotAllowedGetsNoCorsHeaders) {
  RestHarness harness;
  harness.facade.set_cors_origins({"https://app.example"});
  const auto preflight = send(harness, http::verb::options, "/v1.0/me/mailboxSettings",
                              {{"Origin", "https://evil.example"}, {"Access-Control-Request-Method", "PATCH"}}, false);
  EXPECT_EQ(preflight.result_int(), 204);
  EXPECT_EQ(header(preflight, "Access-Control-Allow-Origin"), "<absent>");
  EXPECT_EQ(header(preflight, "Access-Control-Allow-Methods"), "<absent>");
  EXPECT_EQ(header(preflight, "Access-Control-Allow-Headers"), "<absent>");
  EXPECT_EQ(header(preflight, "Vary"), "Origin");
  const auto actual =
      send(harness, http::verb::get, "/v1.0/me/mailboxSettings", {{"Origin", "https://evil.example"}}, true);
  EXPECT_EQ(actual.result_int(), 200);
  EXPECT_EQ(header(actual, "Access-Control-Allow-Origin"), "<absent>");
}

}  // namespace
}  // namespace oofgate::testing
