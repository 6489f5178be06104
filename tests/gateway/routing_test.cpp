#include <gtest/gtest.h>

#include "gateway/http/media_type.h"
#include "gateway/http/route_table.h"

namespace oofgate::gateway {
namespace {

TEST(MediaType, ParametersAndCaseAreIgnored) {
  EXPECT_EQ(parse_media_type("text/xml; charset=utf-8"), MediaType::kTextXml);
  EXPECT_EQ(parse_media_type("Text/XML"), MediaType::kTextXml);
  EXPECT_EQ(parse_media_type(R"(application/soap+xml; charset=utf-8; action="urn:x")"), MediaType::kSoapXml);
  EXPECT_EQ(parse_media_type(" application/json ;odata.metadata=minimal"), MediaType::kJson);
  EXPECT_EQ(parse_media_type(""), MediaType::kNone);
  EXPECT_EQ(parse_media_type("text/plain"), MediaType::kOther);
  EXPECT_EQ(parse_media_type("application/jsonx"), MediaType::kOther);
}

struct RouteCase {
  MediaType media_type;
  const char* target;
  Destination expected;
};

class RouteTable : public ::testing::TestWithParam<RouteCase> {};

TEST_P(RouteTable, RoutesByMediaTypeFirstThenPath) {
  EXPECT_EQ(route_request(GetParam().media_type, GetParam().target), GetParam().expected) << GetParam().target;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, RouteTable,
    ::testing::Values(RouteCase{MediaType::kTextXml, "/EWS/UM2007Legacy.asmx", Destination::kSoapFacade},
                      RouteCase{MediaType::kSoapXml, "/UnifiedMessaging/Service.asmx", Destination::kSoapFacade},
                      // Media type wins over path in both directions; the facade answers in its protocol.
                      RouteCase{MediaType::kTextXml, "/v1.0/me/mailboxSettings", Destination::kSoapFacade},
                      RouteCase{MediaType::kJson, "/EWS/UM2007Legacy.asmx", Destination::kRestFacade},
                      RouteCase{MediaType::kJson, "/v1.0/me/mailboxSettings", Destination::kRestFacade},
                      // No media type: the path decides.
                      RouteCase{MediaType::kNone, "/v1.0/me/mailboxSettings", Destination::kRestFacade},
                      RouteCase{MediaType::kNone, "/BETA/me/mailboxSettings", Destination::kRestFacade},
                      RouteCase{MediaType::kNone, "/unifiedmessaging/service.asmx?wsdl", Destination::kSoapFacade},
                      RouteCase{MediaType::kNone, "/v1.0x/me", Destination::kNotFound},
                      RouteCase{MediaType::kNone, "/", Destination::kNotFound},
                      // A media type nobody takes: the owner of the path answers, or the gateway.
                      RouteCase{MediaType::kOther, "/v1.0/me/mailboxSettings", Destination::kRestFacade},
                      RouteCase{MediaType::kOther, "/EWS/UM2007Legacy.asmx", Destination::kSoapFacade},
                      RouteCase{MediaType::kOther, "/upload", Destination::kUnsupportedMediaType}));

}  // namespace
}  // namespace oofgate::gateway
