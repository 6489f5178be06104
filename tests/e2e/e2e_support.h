#pragma once

#include <memory>
#include <string>

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include "e2e/gateway_process.h"
#include "e2e/http_client.h"

namespace oofgate::testing {

inline constexpr const char* kMessagesNs = "http://schemas.microsoft.com/exchange/services/2006/messages";

// A SOAP 1.1 envelope around one UM operation body.
inline std::string soap11(const std::string& body) {
  return R"(<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>)" +
         body + "</soap:Body></soap:Envelope>";
}

// Markup with the insignificant whitespace between tags removed, for comparing documents
// written with different indentation.
std::string compact_xml(const std::string& xml);

rapidjson::Document parse_json(const std::string& text);

// A running gateway in its own scratch directory, with helpers for both facades.
class GatewayTest : public ::testing::Test {
 protected:
  void SetUp() override { start(); }
  void start() { gateway_ = std::make_unique<GatewayProcess>(dir_.path(), e2e_users_json()); }
  void restart() {
    ASSERT_EQ(gateway_->stop(), 0);
    start();
  }
  std::uint16_t port() const { return gateway_->port(); }

  HttpResponse graph_get(const std::string& path, const std::string& token = "adele-rw");
  HttpResponse graph_patch(const std::string& path, const std::string& json, const std::string& token = "adele-rw");
  HttpResponse um_call(const std::string& operation_body, const std::string& user = "adele@contoso.com",
                       const std::string& password = "Adele-Pa55");
  // GetUMProperties' OofStatus for adele, as text ("true"/"false").
  std::string um_oof_status();

  ScratchDir dir_;
  std::unique_ptr<GatewayProcess> gateway_;
};

}  // namespace oofgate::testing
