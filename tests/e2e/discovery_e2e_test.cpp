// Autodiscover (POX and v2 JSON), Graph $batch and CORS through the real binary, byte for byte.
#include <string>

#include "e2e/e2e_support.h"

namespace oofgate::testing {
namespace {

namespace http = boost::beast::http;

constexpr const char* kPoxRequestNs = "http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006";
constexpr const char* kPoxResponseSchema =
    "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a";

// Exactly what exchangelib 4.x posts (single-quoted declaration, no whitespace).
std::string pox_request(const std::string& address, const std::string& scheme = "http") {
  auto ns = std::string(kPoxRequestNs);
  auto schema = std::string(kPoxResponseSchema);
  if (scheme == "https") {
    ns.insert(4, "s");
    schema.insert(4, "s");
  }
  return "<?xml version='1.0' encoding='utf-8'?>\n<Autodiscover xmlns=\"" + ns + "\"><Request><EMailAddress>" +
         address + "</EMailAddress><AcceptableResponseSchema>" + schema +
         "</AcceptableResponseSchema></Request></Autodiscover>";
}

class DiscoveryTest : public GatewayTest {
 protected:
  std::string origin() const { return "http://127.0.0.1:" + std::to_string(port()); }

  HttpResponse pox(const std::string& body, const std::string& target = "/Autodiscover/Autodiscover.xml") {
    return http_call(
        port(), http::verb::post, target,
        {{"Content-Type", "text/xml; charset=utf-8"}, {"Authorization", basic_auth("adele@contoso.com", "Adele-Pa55")}},
        body);
  }

  // The error form with its variable Time attribute fixed, for exact comparison.
  static std::string without_time(std::string body) {
    const auto at = body.find("Time=\"");
    if (at != std::string::npos) {
      body.replace(at + 6, body.find('"', at + 6) - at - 6, "T");
    }
    return body;
  }

  static std::string pox_error(int code, const std::string& message, const std::string& scheme = "http") {
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Autodiscover xmlns=\"" + scheme +
           "://schemas.microsoft.com/exchange/autodiscover/responseschema/2006\"><Response><Error Time=\"T\" "
           "Id=\"1\"><ErrorCode>" +
           std::to_string(code) + "</ErrorCode><Message>" + message +
           "</Message><DebugData /></Error></Response></Autodiscover>";
  }

  std::string pox_settings(const std::string& scheme) const {
    const std::string protocol =
        "<Server>127.0.0.1:" + std::to_string(port()) + "</Server><AuthPackage>basic</AuthPackage><ASUrl>" + origin() +
        "/EWS/Exchange.asmx</ASUrl><EwsUrl>" + origin() + "/EWS/Exchange.asmx</EwsUrl><OOFUrl>" + origin() +
        "/EWS/Exchange.asmx</OOFUrl><UMUrl>" + origin() + "/UnifiedMessaging/Service.asmx</UMUrl></Protocol>";
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Autodiscover xmlns=\"" + scheme +
           "://schemas.microsoft.com/exchange/autodiscover/responseschema/2006\"><Response xmlns=\"" + scheme +
           "://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a\"><User><DisplayName>Adele "
           "Vance</DisplayName><AutoDiscoverSMTPAddress>adele@contoso.com</AutoDiscoverSMTPAddress></User><Account>"
           "<AccountType>email</AccountType><Action>settings</Action><Protocol><Type>EXCH</Type>" +
           protocol + "<Protocol><Type>EXPR</Type>" + protocol + "</Account></Response></Autodiscover>";
  }
};

TEST_F(DiscoveryTest, PoxAnswersTheCallersOwnSettingsWithEwsOofAndUmUrls) {
  const auto response = pox(pox_request("adele@contoso.com"));
  ASSERT_EQ(response.result_int(), 200) << response.body();
  EXPECT_EQ(response[http::field::content_type], "text/xml; charset=utf-8");
  EXPECT_EQ(response.body(), pox_settings("http"));
}

TEST_F(DiscoveryTest, PoxAnswersInTheHttpsSpellingOfTheRequest) {
  const auto response = pox(pox_request("Adele@Contoso.com", "https"), "/autodiscover/autodiscover.xml");
  ASSERT_EQ(response.result_int(), 200) << response.body();
  EXPECT_EQ(response.body(), pox_settings("https"));
}

TEST_F(DiscoveryTest, AnAnonymousPostIs401OfferingBasicAndBearer) {
  const auto response = http_call(port(), http::verb::post, "/Autodiscover/Autodiscover.xml",
                                  {{"Content-Type", "text/xml; charset=utf-8"}}, pox_request("adele@contoso.com"));
  ASSERT_EQ(response.result_int(), 401);
  std::vector<std::string> challenges;
  for (const auto& field : response) {
    if (field.name() == http::field::www_authenticate) {
      challenges.emplace_back(field.value());
    }
  }
  EXPECT_EQ(challenges, (std::vector<std::string>{R"(Basic realm="oofgate")", R"(Bearer realm="oofgate")"}));
}

TEST_F(DiscoveryTest, AWrongPasswordIs401) {
  const auto response =
      http_call(port(), http::verb::post, "/Autodiscover/Autodiscover.xml",
                {{"Content-Type", "text/xml"}, {"Authorization", basic_auth("adele@contoso.com", "x")}},
                pox_request("adele@contoso.com"));
  EXPECT_EQ(response.result_int(), 401);
}

TEST_F(DiscoveryTest, ABearerTokenWorksToo) {
  const auto response =
      http_call(port(), http::verb::post, "/autodiscover/autodiscover.xml",
                {{"Content-Type", "text/xml"}, {"Authorization", "Bearer adele-rw"}}, pox_request("adele@contoso.com"));
  ASSERT_EQ(response.result_int(), 200);
  EXPECT_EQ(response.body(), pox_settings("http"));
}

TEST_F(DiscoveryTest, OtherMethodsNeedCredentialsThenAre405) {
  EXPECT_EQ(http_call(port(), http::verb::get, "/autodiscover/autodiscover.xml").result_int(), 401);
  const auto response = http_call(port(), http::verb::get, "/autodiscover/autodiscover.xml",
                                  {{"Authorization", basic_auth("adele@contoso.com", "Adele-Pa55")}});
  EXPECT_EQ(response.result_int(), 405);
  EXPECT_EQ(response[http::field::allow], "POST");
}

TEST_F(DiscoveryTest, AnotherUsersAddressIsThePoxError500AtHttp200) {
  const auto response = pox(pox_request("alex@contoso.com"));
  ASSERT_EQ(response.result_int(), 200);
  EXPECT_EQ(without_time(response.body()), pox_error(500, "The e-mail address cannot be found."));
  EXPECT_EQ(without_time(pox(pox_request("nobody@contoso.com", "https")).body()),
            pox_error(500, "The e-mail address cannot be found.", "https"));
}

TEST_F(DiscoveryTest, MalformedAndHostileXmlIsThePoxError600) {
  for (const std::string& body :
       {std::string("<Autodiscover"), std::string("not xml"), std::string(),
        std::string("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x \"y\">]><Autodiscover xmlns=\"") + kPoxRequestNs +
            "\"/>",
        std::string("<Autodiscover xmlns=\"urn:other\"><Request><EMailAddress>adele@contoso.com</EMailAddress>"
                    "</Request></Autodiscover>"),
        std::string("<Autodiscover xmlns=\"") + kPoxRequestNs + "\"><Request/></Autodiscover>",
        std::string(100000, '<')}) {
    const auto response = pox(body);
    ASSERT_EQ(response.result_int(), 200) << body.substr(0, 80);
    EXPECT_EQ(without_time(response.body()), pox_error(600, "Invalid Request")) << body.substr(0, 80);
  }
  std::string deep = std::string("<Autodiscover xmlns=\"") + kPoxRequestNs + "\">";
  for (int i = 0; i < 200; ++i) {
    deep += "<a>";
  }
  EXPECT_EQ(without_time(pox(deep).body()), pox_error(600, "Invalid Request"));
}

TEST_F(DiscoveryTest, AnotherResponseSchemaIsThePoxError601) {
  std::string body = pox_request("adele@contoso.com");
  body.replace(body.find("outlook/responseschema"), 7, "mobilesync");
  EXPECT_EQ(without_time(pox(body).body()), pox_error(601, "Provider is not available"));
}

TEST_F(DiscoveryTest, AnOversizedPoxBodyIs413WithThePoxError) {
  const auto response = pox(std::string(2 * 1024 * 1024, ' '));
  EXPECT_EQ(response.result_int(), 413);
  EXPECT_EQ(without_time(response.body()), pox_error(600, "Invalid Request"));
}

TEST_F(DiscoveryTest, AutodiscoverV2JsonIsAnonymous) {
  auto response =
      http_call(port(), http::verb::get, "/autodiscover/autodiscover.json/v1.0/adele@contoso.com?Protocol=EWS");
  ASSERT_EQ(response.result_int(), 200);
  EXPECT_EQ(response[http::field::content_type], "application/json; charset=utf-8");
  EXPECT_EQ(response.body(), "{\"Protocol\":\"EWS\",\"Url\":\"" + origin() + "/EWS/Exchange.asmx\"}");
  response = http_call(port(), http::verb::get,
                       "/AutoDiscover/AutoDiscover.json/v1.0/someone@elsewhere.example?protocol=autodiscoverv1");
  EXPECT_EQ(response.body(),
            "{\"Protocol\":\"AutodiscoverV1\",\"Url\":\"" + origin() + "/autodiscover/autodiscover.xml\"}");
  response = http_call(port(), http::verb::get, "/autodiscover/autodiscover.json?Email=a@b.c&Protocol=Ews");
  EXPECT_EQ(response.body(), "{\"Protocol\":\"EWS\",\"Url\":\"" + origin() + "/EWS/Exchange.asmx\"}");
}

TEST_F(DiscoveryTest, AutodiscoverV2JsonRefusesUnknownAndMissingProtocols) {
  auto response =
      http_call(port(), http::verb::get, "/autodiscover/autodiscover.json/v1.0/a@b.c?Protocol=Act%22ive\\Sync");
  EXPECT_EQ(response.result_int(), 400);
  EXPECT_EQ(response.body(),
            R"({"ErrorCode":"ProtocolNotSupported","ErrorMessage":"Protocol: The protocol 'Act%22ive\\Sync' is not )"
            R"(supported. Supported protocols are: 'EWS, AutodiscoverV1'."})");
  response = http_call(port(), http::verb::get, "/autodiscover/autodiscover.json/v1.0/a@b.c");
  EXPECT_EQ(response.result_int(), 400);
  EXPECT_EQ(response.body(),
            R"({"ErrorCode":"MissingProtocol","ErrorMessage":"A valid value must be provided for the query parameter )"
            R"('Protocol'."})");
}

TEST_F(DiscoveryTest, ACorsPreflightThroughTheGatewayIs204WithoutCredentials) {
  const auto response = http_call(port(), http::verb::options, "/v1.0/me/mailboxSettings",
                                  {{"Origin", "http://127.0.0.1:1"},
                                   {"Access-Control-Request-Method", "PATCH"},
                                   {"Access-Control-Request-Headers", "authorization,content-type"}});
  EXPECT_EQ(response.result_int(), 204);
  EXPECT_EQ(response[http::field::access_control_allow_origin], "*");
  EXPECT_EQ(response[http::field::access_control_allow_headers], "authorization,content-type");
  EXPECT_EQ(response[http::field::access_control_max_age], "7200");
}

TEST_F(DiscoveryTest, ABatchThroughTheGatewayRunsAPatchAndADependentGet) {
  const auto response = http_call(
      port(), http::verb::post, "/v1.0/$batch",
      {{"Content-Type", "application/json"}, {"Authorization", "Bearer adele-rw"}, {"Origin", "https://app.example"}},
      R"({"requests":[{"id":"1","method":"PATCH","url":"/me/mailboxSettings","headers":{"Content-Type":"application/json"},)"
      R"("body":{"automaticRepliesSetting":{"status":"alwaysEnabled"}}},)"
      R"({"id":"2","dependsOn":["1"],"method":"GET","url":"me/mailboxSettings/automaticRepliesSetting"}]})");
  ASSERT_EQ(response.result_int(), 200) << response.body();
  EXPECT_EQ(response[http::field::access_control_allow_origin], "*");
  const auto document = parse_json(response.body());
  EXPECT_EQ(document["responses"][0]["status"].GetInt(), 200);
  EXPECT_EQ(std::string(document["responses"][1]["body"]["status"].GetString()), "alwaysEnabled");
  EXPECT_EQ(um_oof_status(), "true");
}

}  // namespace
}  // namespace oofgate::testing
