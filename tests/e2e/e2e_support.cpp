#include "e2e/e2e_support.h"

#include <regex>

namespace oofgate::testing {

namespace http = boost::beast::http;

std::string compact_xml(const std::string& xml) {
  std::string out = std::regex_replace(xml, std::regex(">\\s+<"), "><");
  out = std::regex_replace(out, std::regex("\\s+/>"), "/>");
  out = std::regex_replace(out, std::regex("\\s+\\?>"), "?>");
  return std::regex_replace(out, std::regex("^\\s+|\\s+$"), "");
}

rapidjson::Document parse_json(const std::string& text) {
  rapidjson::Document document;
  document.Parse(text.c_str());
  EXPECT_FALSE(document.HasParseError()) << text;
  return document;
}

HttpResponse GatewayTest::graph_get(const std::string& path, const std::string& token) {
  return http_call(port(), http::verb::get, path, {{"Authorization", "Bearer " + token}});
}

HttpResponse GatewayTest::graph_patch(const std::string& path, const std::string& json, const std::string& token) {
  return http_call(port(), http::verb::patch, path,
                   {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}}, json);
}

HttpResponse GatewayTest::um_call(const std::string& operation_body, const std::string& user,
                                  const std::string& password) {
  return http_call(port(), http::verb::post, "/EWS/UM2007Legacy.asmx",
                   {{"Authorization", basic_auth(user, password)}, {"Content-Type", "text/xml; charset=utf-8"}},
                   soap11(operation_body));
}

std::string GatewayTest::um_oof_status() {
  const auto response = um_call(std::string("<GetUMProperties xmlns=\"") + kMessagesNs + "\"/>");
  EXPECT_EQ(response.result_int(), 200) << response.body();
  std::smatch match;
  const std::string body = response.body();
  if (!std::regex_search(body, match, std::regex("<OofStatus>\\s*(\\w+)\\s*</OofStatus>"))) {
    ADD_FAILURE() << "no OofStatus in " << body;
    return {};
  }
  return match[1].str();
}

}  // namespace oofgate::testing
