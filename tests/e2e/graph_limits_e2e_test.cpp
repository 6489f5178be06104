// The Graph throttle and the locale catalogue through the real binary, configured by flags.
#include <string>

#include "e2e/e2e_support.h"

namespace oofgate::testing {
namespace {

namespace http = boost::beast::http;

HttpResponse graph_get(std::uint16_t port, const std::string& path, const std::string& token) {
  return http_call(port, http::verb::get, path, {{"Authorization", "Bearer " + token}});
}

TEST(GraphThrottleE2e, RateLimitFromTheCommandLineAnswers429WithRetryAfter) {
  ScratchDir dir;
  GatewayProcess gateway(dir.path(), e2e_users_json(),
                         {"--throttle-requests", "3", "--throttle-window", "3600", "--throttle-concurrency", "2"});
  const std::string adele_settings = "/v1.0/users/adele@contoso.com/mailboxSettings";
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(graph_get(gateway.port(), adele_settings, "app-rw").result_int(), 200);
  }
  const auto throttled = graph_get(gateway.port(), adele_settings, "app-rw");
  ASSERT_EQ(throttled.result_int(), 429) << throttled.body();
  const auto retry_after = std::string(throttled[http::field::retry_after]);
  ASSERT_FALSE(retry_after.empty());
  const int seconds = std::stoi(retry_after);
  EXPECT_GT(seconds, 3500);
  EXPECT_LE(seconds, 3600);
  const auto json = parse_json(throttled.body());
  EXPECT_STREQ(json["error"]["code"].GetString(), "ApplicationThrottled");
  EXPECT_STREQ(json["error"]["message"].GetString(), "Application is over its MailboxConcurrency limit.");

  // Other (caller, mailbox) pairs keep their own budget; the UM web service is not throttled.
  EXPECT_EQ(graph_get(gateway.port(), "/v1.0/users/alex@contoso.com/mailboxSettings", "app-rw").result_int(), 200);
  EXPECT_EQ(graph_get(gateway.port(), "/v1.0/me/mailboxSettings", "adele-rw").result_int(), 200);
  const auto um = http_call(
      gateway.port(), http::verb::post, "/EWS/UM2007Legacy.asmx",
      {{"Authorization", basic_auth("adele@contoso.com", "Adele-Pa55")}, {"Content-Type", "text/xml; charset=utf-8"}},
      soap11(std::string("<GetUMProperties xmlns=\"") + kMessagesNs + "\"/>"));
  EXPECT_EQ(um.result_int(), 200) << um.body();
  EXPECT_EQ(gateway.stop(), 0);
}

TEST(GraphThrottleE2e, BadThrottleFlagIsAUsageError) {
  ScratchDir dir;
  EXPECT_THROW(GatewayProcess(dir.path(), e2e_users_json(), {"--throttle-window", "0"}), std::exception);
}

TEST(GraphLocalesE2e, SupportedLanguagesAndDerivedDisplayName) {
  ScratchDir dir;
  GatewayProcess gateway(dir.path(), e2e_users_json());
  const auto list = graph_get(gateway.port(), "/v1.0/me/outlook/supportedLanguages", "adele-rw");
  ASSERT_EQ(list.result_int(), 200) << list.body();
  const auto json = parse_json(list.body());
  EXPECT_STREQ(json["@odata.context"].GetString(),
               "https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.localeInfo)");
  bool found = false;
  for (const auto& locale : json["value"].GetArray()) {
    found = found || (std::string(locale["locale"].GetString()) == "fr-FR" &&
                      std::string(locale["displayName"].GetString()) == "French (France)");
  }
  EXPECT_TRUE(found);
  const auto patched = http_call(gateway.port(), http::verb::patch, "/v1.0/me/mailboxSettings",
                                 {{"Authorization", "Bearer adele-rw"}, {"Content-Type", "application/json"}},
                                 R"({"language":{"locale":"fr-FR"}})");
  ASSERT_EQ(patched.result_int(), 200) << patched.body();
  EXPECT_STREQ(parse_json(patched.body())["language"]["displayName"].GetString(), "French (France)");
}

}  // namespace
}  // namespace oofgate::testing
