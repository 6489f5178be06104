#include "gateway/http/route_table.h"

#include <array>

#include "core/text/ascii.h"
#include "soap_facade/autodiscover/autodiscover_paths.h"

namespace oofgate::gateway {
namespace {

struct MediaRoute {
  facade::MediaKind media;
  Destination destination;
};

// The declared table: which facade speaks which media type.
constexpr std::array kMediaRoutes = {
    MediaRoute{facade::MediaKind::kTextXml, Destination::kSoapFacade},
    MediaRoute{facade::MediaKind::kSoapXml, Destination::kSoapFacade},
    MediaRoute{facade::MediaKind::kJson, Destination::kRestFacade},
};

bool starts_with_ascii_ci(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && core::iequals_ascii(text.substr(0, prefix.size()), prefix);
}

// Paths decide only without a body: the REST version roots, and ASMX endpoints.
Destination route_by_path(std::string_view path) {
  for (std::string_view root : {"/v1.0", "/beta"}) {
    if (starts_with_ascii_ci(path, root) && (path.size() == root.size() || path[root.size()] == '/')) {
      return Destination::kRestFacade;
    }
  }
  constexpr std::string_view kAsmx = ".asmx";
  if (path.size() >= kAsmx.size() && core::iequals_ascii(path.substr(path.size() - kAsmx.size()), kAsmx)) {
    return Destination::kSoapFacade;
  }
  // EWS serves its WSDL at this path too (as Exchange does), beside /EWS/Exchange.asmx?wsdl.
  if (core::iequals_ascii(path, "/EWS/Services.wsdl")) {
    return Destination::kSoapFacade;
  }
  return Destination::kNotFound;
}

}  // namespace

Destination route_request(facade::MediaKind media, bool has_body, std::string_view path) {
  // Autodiscover answers by path whatever the body's media type (POX is plain XML, not SOAP).
  if (soap::autodiscover_endpoint(path) != soap::AutodiscoverEndpoint::kNone) {
    return Destination::kAutodiscover;
  }
  if (!has_body) {
    return route_by_path(path);
  }
  for (const auto& route : kMediaRoutes) {
    if (route.media == media) {
      return route.destination;
    }
  }
  // A body no facade takes: the facade that owns the path answers in its own protocol.
  const Destination owner = route_by_path(path);
  return owner == Destination::kNotFound ? Destination::kUnsupportedMediaType : owner;
}

}  // namespace oofgate::gateway
