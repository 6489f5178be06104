// Checklist §6 items 3, 4 and 45: a hand-written WSDL on ?wsdl, addressed from the gateway's origin.
#include <pugixml.hpp>

#include "soap_test_support.h"

namespace oofgate::testing {
namespace {

using SoapWsdl = SoapFacadeTest;

TEST_F(SoapWsdl, ServedOnEitherEndpointInAnyCase) {
  for (std::string_view target :
       {"/UnifiedMessaging/Service.asmx?wsdl", "/EWS/UM2007Legacy.asmx?WSDL", "/ews/um2007legacy.asmx?Wsdl"}) {
    const auto response = get(target);
    EXPECT_EQ(response.result(), http::status::ok) << target;
    EXPECT_EQ(response[http::field::content_type], "text/xml; charset=utf-8");
  }
}

TEST_F(SoapWsdl, IsWellFormedAndDeclaresEveryOperationInBothBindings) {
  const auto response = get("/EWS/UM2007Legacy.asmx?wsdl");
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(response.body().c_str()));
  const auto definitions = doc.child("wsdl:definitions");
  ASSERT_TRUE(definitions);
  for (std::string_view operation :
       {"IsUMEnabled", "GetUMProperties", "SetOofStatus", "SetMissedCallNotificationEnabled",
        "SetPlayOnPhoneDialString", "SetTelephoneAccessFolderEmail", "ResetPIN", "PlayOnPhone", "PlayOnPhoneGreeting",
        "GetCallInfo", "Disconnect", "PlayOnPhone2", "GetPhoneCallInformation", "DisconnectPhoneCall"}) {
    int bindings = 0;
    for (const auto binding : definitions.children("wsdl:binding")) {
      const auto op = binding.find_child_by_attribute("wsdl:operation", "name", std::string(operation).c_str());
      ASSERT_TRUE(op) << operation;
      const auto soap_op = op.first_child();
      EXPECT_EQ(std::string(soap_op.attribute("soapAction").value()),
                "http://schemas.microsoft.com/exchange/services/2006/messages/" + std::string(operation));
      ++bindings;
    }
    EXPECT_EQ(bindings, 2) << operation;
  }
}

TEST_F(SoapWsdl, AddressIsTheGatewaysOriginAndTheRequestedEndpointNeverTheHostHeader) {
  soap::HttpRequest request{http::verb::get, "/unifiedmessaging/service.asmx?wsdl", 11};
  request.set(http::field::host, "mail.contoso.com:8443");
  auto facts = facade::describe_request(request, core::Caller{});
  facts.origin = "https://um.fabrikam.com";
  std::promise<soap::HttpResponse> promise;
  facade_.handle(facts, [&promise](soap::HttpResponse response) { promise.set_value(std::move(response)); });
  const auto response = promise.get_future().get();
  EXPECT_NE(response.body().find(R"(<soap:address location="https://um.fabrikam.com/UnifiedMessaging/Service.asmx"/>)"),
            std::string::npos);
  EXPECT_NE(
      response.body().find(R"(<soap12:address location="https://um.fabrikam.com/UnifiedMessaging/Service.asmx"/>)"),
      std::string::npos);
  EXPECT_EQ(response.body().find("mail.contoso.com"), std::string::npos);
}

TEST_F(SoapWsdl, HostileHostHeaderIsNotEchoed) {
  soap::HttpRequest request{http::verb::get, "/EWS/UM2007Legacy.asmx?wsdl", 11};
  request.set(http::field::host, R"(evil"/><x y=")");
  const auto response = send(std::move(request), core::Caller{});
  EXPECT_NE(response.body().find(R"(location="http://localhost/EWS/UM2007Legacy.asmx")"), std::string::npos);
  EXPECT_EQ(response.body().find("evil"), std::string::npos);
}

TEST_F(SoapWsdl, OtherQueriesAndMethodsAre405) {
  EXPECT_EQ(get("/EWS/UM2007Legacy.asmx?op=IsUMEnabled").result(), http::status::method_not_allowed);
  soap::HttpRequest request{http::verb::put, "/EWS/UM2007Legacy.asmx", 11};
  const auto response = send(std::move(request), adele());
  EXPECT_EQ(response.result(), http::status::method_not_allowed);
  EXPECT_EQ(response[http::field::allow], "POST");
}

}  // namespace
}  // namespace oofgate::testing
