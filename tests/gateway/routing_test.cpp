#include <gtest/gtest.h>

#include "facade_common/media_type.h"
#include "gateway/http/route_table.h"

namespace oofgate::gateway {
namespace {

using facade::MediaKind;
using facade::parse_media_type;

TEST(MediaType, ParametersAndCaseAreIgnored) {
  EXPECT_EQ(parse_media_type("text/xml; charset=utf-8").kind, MediaKind::kTextXml);
  EXPECT_EQ(parse_media_type("Text/XML").kind, MediaKind::kTextXml);
  EXPECT_EQ(parse_media_type(R"(application/soap+xml; charset=utf-8; action="urn:x")").kind, MediaKind::kSoapXml);
  EXPECT_EQ(parse_media_type(" application/json ;odata.metadata=minimal").kind, MediaKind::kJson);
  EXPECT_EQ(parse_media_type("").kind, MediaKind::kNone);
  EXPECT_EQ(parse_media_type("text/plain").kind, MediaKind::kOther);
  EXPECT_EQ(parse_media_type("application/jsonx").kind, MediaKind::kOther);
}

TEST(MediaType, ParametersAreReadOnceForEveryFacade) {
  const auto soap12 = parse_media_type(R"(application/soap+xml; Charset="UTF-8"; ACTION="urn:x/GetUMProperties")");
  EXPECT_EQ(soap12.action.value_or(""), "urn:x/GetUMProperties");
  EXPECT_TRUE(soap12.charset_is_utf8());
  EXPECT_FALSE(parse_media_type("text/xml; charset=utf-16").charset_is_utf8());
  EXPECT_TRUE(parse_media_type("text/xml").charset_is_utf8());
  EXPECT_TRUE(parse_media_type("application/merge-patch+json").json_family);
  EXPECT_TRUE(parse_media_type("Application/JSON").json_family);
  EXPECT_FALSE(parse_media_type("text/json-ish").json_family);
}

struct RouteCase {
  MediaKind media;
  bool has_body;
  const char* path;
  Destination expected;
};

class RouteTable : public ::testing::TestWithParam<RouteCase> {};

TEST_P(RouteTable, RoutesBodiesByMediaTypeFirstAndBodylessRequestsByPath) {
  EXPECT_EQ(route_request(GetParam().media, GetParam().has_body, GetParam().path), GetParam().expected)
      << GetParam().path;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, RouteTable,
    ::testing::Values(
        RouteCase{MediaKind::kTextXml, true, "/EWS/UM2007Legacy.asmx", Destination::kSoapFacade},
        RouteCase{MediaKind::kSoapXml, true, "/UnifiedMessaging/Service.asmx", Destination::kSoapFacade},
        // With a body, the media type wins over the path in both directions.
        RouteCase{MediaKind::kTextXml, true, "/v1.0/me/mailboxSettings", Destination::kSoapFacade},
        RouteCase{MediaKind::kJson, true, "/EWS/UM2007Legacy.asmx", Destination::kRestFacade},
        RouteCase{MediaKind::kJson, true, "/v1.0/me/mailboxSettings", Destination::kRestFacade},
        // Without a body the path decides, whatever Content-Type came along.
        RouteCase{MediaKind::kNone, false, "/v1.0/me/mailboxSettings", Destination::kRestFacade},
        RouteCase{MediaKind::kTextXml, false, "/v1.0/me/mailboxSettings", Destination::kRestFacade},
        RouteCase{MediaKind::kJson, false, "/EWS/UM2007Legacy.asmx", Destination::kSoapFacade},
        RouteCase{MediaKind::kNone, false, "/BETA/me/mailboxSettings", Destination::kRestFacade},
        RouteCase{MediaKind::kNone, false, "/unifiedmessaging/service.asmx", Destination::kSoapFacade},
        RouteCase{MediaKind::kNone, false, "/v1.0x/me", Destination::kNotFound},
        RouteCase{MediaKind::kNone, false, "/EWS/Services.wsdl", Destination::kSoapFacade},
        RouteCase{MediaKind::kNone, false, "/ews/services.WSDL", Destination::kSoapFacade},
        RouteCase{MediaKind::kNone, false, "/EWS/Services.wsdl/x", Destination::kNotFound},
        RouteCase{MediaKind::kNone, false, "/", Destination::kNotFound},
        // A body nobody takes: the owner of the path answers, or the gateway.
        RouteCase{MediaKind::kOther, true, "/v1.0/me/mailboxSettings", Destination::kRestFacade},
        RouteCase{MediaKind::kOther, true, "/EWS/UM2007Legacy.asmx", Destination::kSoapFacade},
        RouteCase{MediaKind::kOther, true, "/upload", Destination::kUnsupportedMediaType},
        // Autodiscover is routed by path, whatever the body (POX is plain XML, not SOAP).
        RouteCase{MediaKind::kTextXml, true, "/Autodiscover/Autodiscover.xml", Destination::kAutodiscover},
        RouteCase{MediaKind::kJson, true, "/autodiscover/autodiscover.xml", Destination::kAutodiscover},
        RouteCase{MediaKind::kNone, false, "/autodiscover/autodiscover.json/v1.0/a@b.c", Destination::kAutodiscover},
        RouteCase{MediaKind::kNone, false, "/autodiscover/autodiscover.jsonx", Destination::kNotFound}));

}  // namespace
}  // namespace oofgate::gateway
