// The gateway's own behaviour through the real binary: routing by media type, credentials,
// limits, keep-alive and a graceful stop.
#include <regex>

#include "e2e/e2e_support.h"

namespace oofgate::testing {
namespace {

namespace http = boost::beast::http;

using GatewayEdge = GatewayTest;

int count_status_lines(const std::string& raw, const std::string& status) {
  const std::regex line("HTTP/1\\.1 " + status);
  return static_cast<int>(std::distance(std::sregex_iterator(raw.begin(), raw.end(), line), std::sregex_iterator()));
}

TEST_F(GatewayEdge, GraphWithoutTokenIs401InvalidAuthenticationToken) {
  const auto response = http_call(port(), http::verb::get, "/v1.0/me/mailboxSettings");
  EXPECT_EQ(response.result_int(), 401);
  EXPECT_STREQ(parse_json(response.body())["error"]["code"].GetString(), "InvalidAuthenticationToken");
}

TEST_F(GatewayEdge, GraphWithUnknownTokenIs401) {
  const auto response = graph_get("/v1.0/me/mailboxSettings", "no-such-token");
  EXPECT_EQ(response.result_int(), 401);
  EXPECT_STREQ(parse_json(response.body())["error"]["code"].GetString(), "InvalidAuthenticationToken");
}

TEST_F(GatewayEdge, SoapWithoutCredentialsIs401WithBasicChallenge) {
  const auto response =
      http_call(port(), http::verb::post, "/EWS/UM2007Legacy.asmx", {{"Content-Type", "text/xml; charset=utf-8"}},
                soap11(std::string("<IsUMEnabled xmlns=\"") + kMessagesNs + "\"/>"));
  EXPECT_EQ(response.result_int(), 401);
  EXPECT_NE(std::string(response[http::field::www_authenticate]).find("Basic"), std::string::npos);
}

TEST_F(GatewayEdge, SoapWithWrongPasswordIs401) {
  const auto response =
      um_call(std::string("<IsUMEnabled xmlns=\"") + kMessagesNs + "\"/>", "adele@contoso.com", "wrong");
  EXPECT_EQ(response.result_int(), 401);
}

TEST_F(GatewayEdge, SoapAcceptsBearerTokensToo) {
  const auto response = http_call(port(), http::verb::post, "/UnifiedMessaging/Service.asmx",
                                  {{"Authorization", "Bearer adele-rw"}, {"Content-Type", "text/xml"}},
                                  soap11(std::string("<IsUMEnabled xmlns=\"") + kMessagesNs + "\"/>"));
  EXPECT_EQ(response.result_int(), 200) << response.body();
  EXPECT_NE(response.body().find("<IsUMEnabledResponse>true</IsUMEnabledResponse>"), std::string::npos)
      << response.body();
}

TEST_F(GatewayEdge, SoapSentToAGraphPathGetsAFaultNamingTheSoapEndpoints) {
  const auto response = http_call(
      port(), http::verb::post, "/v1.0/me/mailboxSettings",
      {{"Authorization", basic_auth("adele@contoso.com", "Adele-Pa55")}, {"Content-Type", "text/xml; charset=utf-8"}},
      soap11(std::string("<IsUMEnabled xmlns=\"") + kMessagesNs + "\"/>"));
  EXPECT_EQ(response.result_int(), 404);  // as IIS answers a path with no service behind it
  EXPECT_NE(response.body().find("Fault"), std::string::npos) << response.body();
  EXPECT_NE(response.body().find("UM2007Legacy.asmx"), std::string::npos) << response.body();
  EXPECT_EQ(response[http::field::content_type].substr(0, 8), "text/xml");
}

TEST_F(GatewayEdge, JsonSentToASoapPathIs415GraphError) {
  const auto response =
      http_call(port(), http::verb::post, "/EWS/UM2007Legacy.asmx",
                {{"Authorization", "Bearer adele-rw"}, {"Content-Type", "application/json"}}, R"({"status":true})");
  EXPECT_EQ(response.result_int(), 415);
  EXPECT_TRUE(parse_json(response.body())["error"].HasMember("code")) << response.body();
}

TEST_F(GatewayEdge, UnknownMediaTypeOnUnknownPathIs415NamingAcceptedTypes) {
  const auto response = http_call(port(), http::verb::post, "/upload", {{"Content-Type", "text/plain"}}, "hello");
  EXPECT_EQ(response.result_int(), 415);
  EXPECT_NE(response.body().find("application/json"), std::string::npos);
  EXPECT_NE(response.body().find("text/xml"), std::string::npos);
  EXPECT_NE(response.body().find("application/soap+xml"), std::string::npos);
}

TEST_F(GatewayEdge, UnknownPathWithoutBodyIs404) {
  EXPECT_EQ(http_call(port(), http::verb::get, "/index.html").result_int(), 404);
}

TEST_F(GatewayEdge, BodyOverTheLimitIs413AndNothingIsApplied) {
  const std::string huge(2 * 1024 * 1024, 'x');
  const std::string body =
      R"({"automaticRepliesSetting":{"status":"alwaysEnabled","internalReplyMessage":")" + huge + R"("}})";
  const auto raw = raw_exchange(port(),
                                "PATCH /v1.0/me/mailboxSettings HTTP/1.1\r\nHost: x\r\n"
                                "Authorization: Bearer adele-rw\r\nContent-Type: application/json\r\n"
                                "Content-Length: " +
                                    std::to_string(body.size()) + "\r\n\r\n" + body);
  EXPECT_EQ(count_status_lines(raw, "413"), 1) << raw.substr(0, 200);
  EXPECT_STREQ(
      parse_json(graph_get("/v1.0/me/mailboxSettings").body())["automaticRepliesSetting"]["status"].GetString(),
      "disabled");
}

TEST_F(GatewayEdge, OversizedHeaderIs431) {
  const auto raw = raw_exchange(
      port(), "GET /v1.0/me/mailboxSettings HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(64 * 1024, 'a') + "\r\n\r\n");
  EXPECT_EQ(count_status_lines(raw, "431"), 1) << raw.substr(0, 200);
}

TEST_F(GatewayEdge, MalformedRequestIs400) {
  const auto raw = raw_exchange(port(), "THIS IS NOT HTTP\r\n\r\n");
  EXPECT_EQ(count_status_lines(raw, "400"), 1) << raw;
}

TEST_F(GatewayEdge, KeepAliveServesSeveralRequestsOnOneConnection) {
  const std::string get = "GET /v1.0/me/mailboxSettings HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer adele-rw\r\n";
  const auto raw = raw_exchange(port(), get + "\r\n" + get + "\r\n" + get + "Connection: close\r\n\r\n");
  EXPECT_EQ(count_status_lines(raw, "200"), 3) << raw.substr(0, 300);
}

TEST_F(GatewayEdge, StopsGracefullyOnSigterm) { EXPECT_EQ(gateway_->stop(), 0); }

}  // namespace
}  // namespace oofgate::testing
